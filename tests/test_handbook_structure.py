"""The handbook's text: verbatim Chinese, complete English, stable clause ids."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook import clauses as extractor

ROOT = Path(__file__).resolve().parents[1]
CANONICAL = ROOT / "source" / "regulations.zh.txt"
PUBLISHED = ROOT / "tests" / "data" / "clause_ids.tsv"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CN_DIGITS = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# A chapter title in the canonical text: its number, 、, a name ending in 制度 with no
# punctuation (the last chapter's items, numbered 一、 too, are sentences).
SOURCE_TITLE = re.compile(r"^[一二三四五六七八九十]+、[^，,。；;：:（）()]*制度$")


def cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN_DIGITS.index(s[1]) + 1
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS.index(tens) + 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)
    return CN_DIGITS.index(s) + 1


@pytest.fixture(scope="module")
def rows():
    return extractor.extract()


def canonical_lines() -> list[str]:
    """The official text, line by line, without the handbook's own title."""
    return CANONICAL.read_text(encoding="utf-8").splitlines()[1:]


def canonical_titles() -> list[str]:
    return [line for line in canonical_lines() if SOURCE_TITLE.match(line)]


def published() -> list[tuple[str, str]]:
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]


def test_canonical_copy_has_no_web_footer():
    text = CANONICAL.read_text(encoding="utf-8")
    assert "编辑:本站编辑" not in text
    assert text.splitlines()[0] == "永定区编办管理制度"


def test_every_line_of_the_canonical_text_is_in_the_chinese_pages_verbatim(rows):
    lines = canonical_lines()
    titles = {r.chapter_title_zh for r in rows}
    texts = {r.zh for r in rows}
    missing = [line for line in lines if line not in texts and line not in titles]
    assert not missing, f"lines not found verbatim: {missing[:3]}"
    assert len(texts) + len(titles) == len(lines)


def test_the_chapters_are_those_of_the_canonical_text_in_order(rows):
    titles = canonical_titles()
    assert [r.chapter_title_zh for r in extractor.chapters(rows).values()] == titles
    assert sorted({r.chapter for r in rows}) == list(range(1, len(titles) + 1))
    for r in rows:
        assert r.chapter_title_zh.split("、")[0] and cn_number(r.chapter_title_zh.split("、")[0]) == r.chapter


def test_clause_ids_complete_unique_and_as_published(rows):
    ids = [r.id for r in rows]
    # Every line of the canonical text that is not a chapter title is one clause.
    assert len(ids) == len(set(ids)) == len(canonical_lines()) - len(canonical_titles())
    assert [(r.id, r.zh) for r in rows] == published(), "a published id moved, vanished or lost its text"


@pytest.mark.parametrize("row", extractor.extract(), ids=lambda r: r.id)
def test_each_id_follows_the_printed_number(row):
    num = row.number
    if num in CIRCLED:
        assert row.sub == CIRCLED.index(num) + 1
    elif num.endswith("."):
        assert row.sub is None and row.item == int(num[:-1])
    elif num.startswith("第"):
        assert row.sub is None and row.item == cn_number(num[1:-1])
    else:
        assert num.endswith("、") and row.sub is None and row.item == cn_number(num[:-1])


def test_sub_items_sit_under_their_item(rows):
    ids = {r.id for r in rows}
    for r in rows:
        if r.parent:
            assert r.parent in ids
    assert [f"c1-5-{i}" for i in range(1, 9)] == [r.id for r in rows if r.parent == "c1-5"]
    assert [f"c10-2-{i}" for i in range(1, 9)] == [r.id for r in rows if r.parent == "c10-2"]
    assert {"c9-1", "c9-2", "c9-1-1", "c9-2-4"} <= ids


def test_every_clause_has_its_english_counterpart_in_the_same_order():
    for zh_path in extractor.chapter_pages("zh"):
        en_path = ROOT / "docs" / "en" / zh_path.name
        assert en_path.exists(), f"{en_path.name} is not translated"
        zh = extractor.read_page(zh_path)
        en = extractor.read_page(en_path)
        assert [c.id for c in en.clauses] == [c.id for c in zh.clauses], zh_path.name
        assert [c.classes for c in en.clauses] == [c.classes for c in zh.clauses], zh_path.name
        assert en.title and not HAN.search(en.title)
        for c in en.clauses:
            assert len(c.text) > 8, f"{c.id} has no English text"


def english_without_glosses(text: str) -> str:
    # Chinese is allowed only as a gloss beside its translation: "(三会一课)", also
    # when the term itself has brackets: "(出国(境))" (innermost brackets first).
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"[(（][^()（）]*[)）]", "", text)
    return text


def test_english_clauses_contain_no_untranslated_chinese(rows):
    for r in rows:
        left = HAN.findall(english_without_glosses(r.en))
        assert not left, f"{r.id}: untranslated Chinese {''.join(left)!r} in {r.en!r}"


def test_numbers_and_amounts_carry_over_into_english(rows):
    for r in rows:
        zh_numbers = re.findall(r"\d+", r.zh.split(r.number, 1)[-1] if r.number else r.zh)
        for n in zh_numbers:
            assert n in r.en, f"{r.id}: {n} missing in English: {r.en}"


def test_editor_notes_exist_in_both_languages(rows):
    noted = [r for r in rows if r.notes_zh or r.notes_en]
    assert noted, "no editor's notes at all"
    for r in noted:
        assert len(r.notes_zh) == len(r.notes_en), r.id
    c83 = next(r for r in rows if r.id == "c8-3")
    assert any("人事部令第9号" in n and "职工带薪年休假条例" in n for n in c83.notes_zh)
    assert any("Order No. 9" in n and "Order No. 514" in n for n in c83.notes_en)
    # The official text itself is untouched: the note is not part of the clause.
    assert "人事部令" not in c83.zh


REQUIRED_TERMS = ["编办", "编委", "区编委主任", "事业单位登记局", "主任办公会", "民主集中制",
                  "三会一课", "五必访", "五必谈", "双重组织生活", "首问责任制", "两办",
                  "就高不就低", "机关工会"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glossary_lists_the_institutional_terms(lang):
    text = (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
    for term in REQUIRED_TERMS:
        assert term in text, f"{term} missing from the {lang} glossary"


def test_every_page_has_both_languages():
    zh = {p.relative_to(ROOT / "docs" / "zh") for p in (ROOT / "docs" / "zh").rglob("*.md")}
    en = {p.relative_to(ROOT / "docs" / "en") for p in (ROOT / "docs" / "en").rglob("*.md")}
    assert zh == en, f"untranslated pages: {sorted(map(str, zh ^ en))}"
