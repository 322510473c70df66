"""The glossary is the single source of the English for a term.

docs/en/glossary.md (and its Chinese twin docs/zh/glossary.md) has a table of
terms: Chinese | English | Explanation | Clause. These tests read that table with
markdown-it-py and the clause table with handbook/clauses.py, and check that

(a) every entry's clause link leads to an existing clause on the right page;
(b) wherever a term's Chinese occurs in a clause, the English of that clause uses
    the glossary's English for it (all its core words);
(c) none of the renderings the translation review rejected survives;
(d) "should" is kept for exhortations: 要 imposing a duty is "shall";
(e) the two glossaries list the same terms with the same English.

How (b) matches
- Chinese: the glossary's Chinese column may give several forms, separated by
  " / " (主任办公会 / 主任办公会议). Forms are looked for longest first, and a
  match hides the characters it covers, so 编制 inside 机构编制 counts as
  机构编制 only, and 登记局 inside 事业单位登记局 as the longer term only.
  A term inside a document title (《…》) is part of the title's translation and
  is not looked for, unless the term is itself the title (《张家界日报》).
- English: the core of the English cell is the cell without anything in
  brackets. "(short form: the Office)" adds an accepted short form. The core's
  words, less "the", "of", "and" and the like, must all occur in the clause's
  English outside the Chinese glosses in brackets. A word starting with a
  capital letter (a name: Office, District) must match with its capital; other
  words match in any case, in the singular or plural and as -ed/-ing forms.
- EXCEPTIONS lists the clauses where the Chinese characters of a term are used
  in another sense (a homograph), with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from handbook import clauses as extractor

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = {lang: ROOT / "docs" / lang / "glossary.md" for lang in ("en", "zh")}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LINK = re.compile(rf"^(?P<page>ch\d\d)\.md#(?P<id>{extractor.ID_PATTERN})$")
STOPWORDS = {"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "from", "with",
             "by", "at", "as"}

# (Chinese form, clause id): why the characters there are not the glossary term.
EXCEPTIONS = {
    ("编制", "c3-5"): "verb: 编制检索工具 'prepare retrieval tools'",
    ("编制", "c3-6"): "verb: 编制销毁清册 'prepare a destruction register'",
    ("组织", "c4-2"): "verb: 组织学习 'organize study'",
    ("组织", "c9-2-1"): "verb: 组织实施 'organize and implement'",
    ("组织", "c9-2-4"): "verb: 组织一次集中学习 'organize a group study session'",
    ("组织", "c12-10"): "verb: 组织慰问 'organize an expression of condolence'",
    ("组织", "c16-1"): "verb: 组织学习 'organize staff to study'",
}

# Renderings the translation review (2026-11) rejected; none may come back.
# Matched case-sensitively ("office meeting" is the old generic name; the body
# is the "Director's Office Meeting").
REJECTED = ["immediate family", "condolence money", "on business", "non-voting attendees",
            "outside the border", "Director of the District Institutional Organization Commission",
            "office meeting", "direct relative", "switches are closed", "During work periods"]

# 要 in an exhortation stays "should" (see the glossary's conventions); everywhere
# else a duty is "shall".
SHOULD_ALLOWED = {
    "c5-3": "要积极开展思想斗争: an exhortation",
    "c9-1-3": "一般不接电话: 'should not normally take phone calls'",
}

_md = MarkdownIt("commonmark").enable("table")


@dataclass
class Entry:
    zh: list[str]          # the Chinese forms
    en: str                # the English cell as plain text
    href: str              # the clause link
    row: int

    @property
    def renderings(self) -> list[str]:
        """The core English, then any short forms."""
        shorts = re.findall(r"\(short form:\s*([^)]*)\)", self.en)
        core = re.sub(r"\([^)]*\)", " ", self.en)
        return [core, *shorts]


def _text(inline) -> str:
    return "".join(t.content for t in inline.children or [] if t.type in ("text", "code_inline"))


def read_tables(path: Path) -> list[tuple[list[str], list[list]]]:
    """Each table of a Markdown page: header texts, and rows of inline tokens."""
    tokens = _md.parse(path.read_text(encoding="utf-8"))
    tables, header, rows, row, in_head = [], [], [], [], False
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            header, rows = [], []
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(tokens[i + 1])
        elif tok.type == "tr_close":
            if in_head:
                header = [_text(c).strip() for c in row]
            else:
                rows.append(row)
        elif tok.type == "table_close":
            tables.append((header, rows))
    return tables


def glossary(lang: str) -> list[Entry]:
    """The terms table: the one whose last column is the clause link."""
    terms = [rows for header, rows in read_tables(GLOSSARY[lang])
             if header and header[-1] in ("Clause", "首次出现")]
    assert len(terms) == 1, f"{lang} glossary: expected one terms table, found {len(terms)}"
    entries = []
    for n, cells in enumerate(terms[0], 1):
        links = [t.attrGet("href") for t in cells[-1].children or [] if t.type == "link_open"]
        assert len(links) == 1, f"{lang} glossary row {n}: the last cell needs one clause link"
        entries.append(Entry(
            zh=[f.strip() for f in _text(cells[0]).split(" / ") if f.strip()],
            en=_text(cells[1]).strip(), href=links[0], row=n))
    return entries


@pytest.fixture(scope="module")
def rows():
    return extractor.extract()


@pytest.fixture(scope="module")
def entries():
    return glossary("en")


# ------------------------------------------------------------------ matching
def _words(text: str) -> list[str]:
    return [w.rstrip("'’-") for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]


def _stem(w: str) -> str:
    w = re.sub(r"['’]s$", "", w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _same(glossary_word: str, word: str) -> bool:
    a, b = glossary_word, word
    if not a[0].isupper():          # a name keeps its capital; other words any case
        a, b = a.lower(), b.lower()
    if _stem(a) == _stem(b):
        return True
    return b in {a + "d", a + "ed", a + a[-1] + "ed", a + "ing", a.removesuffix("e") + "ing"}


def core_words(english: str) -> list[str]:
    return [w for w in _words(english) if w.lower() not in STOPWORDS]


def running_english(en: str) -> str:
    """The clause's English without the Chinese glosses in brackets."""
    prev = None
    while prev != en:                       # innermost brackets first
        prev, en = en, re.sub(r"[(（][^()（）]*[)）]",
                              lambda m: " " if HAN.search(m.group()) else m.group().replace("(", "⟨").replace(")", "⟩"),
                              en)
    return en


def uses(en: str, english: str) -> bool:
    words = _words(running_english(en))
    return all(any(_same(g, w) for w in words) for g in core_words(english))


def terms_in(zh: str, entries: list[Entry]) -> dict[str, Entry]:
    """Chinese form → entry, for every glossary term that occurs in the text."""
    forms = sorted(((f, e) for e in entries for f in e.zh), key=lambda fe: -len(fe[0]))
    found, text = {}, zh

    def take(form, entry):
        nonlocal text
        if form in text:
            found[form] = entry
            text = text.replace(form, "\0" * len(form))

    for form, entry in forms:
        if form.startswith("《"):
            take(form, entry)
    text = re.sub(r"《[^》]*》", lambda m: "\0" * len(m.group()), text)
    for form, entry in forms:
        if not form.startswith("《"):
            take(form, entry)
    return found


# --------------------------------------------------------------------- tests
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_links_to_an_existing_clause(rows, lang):
    by_id = {r.id: r for r in rows}
    for e in glossary(lang):
        m = LINK.match(e.href)
        assert m, f"{lang} glossary row {e.row} ({e.zh[0]}): link {e.href!r} is not chNN.md#cX-Y"
        assert m["id"] in by_id, f"{e.zh[0]}: {e.href} names no clause"
        assert by_id[m["id"]].page == m["page"], f"{e.zh[0]}: {m['id']} is not on {m['page']}"


def test_the_glossary_is_a_real_table(entries):
    assert len(entries) >= 80
    zh_forms = [f for e in entries for f in e.zh]
    assert len(zh_forms) == len(set(zh_forms)), "a Chinese term is listed twice"
    for e in entries:
        assert e.zh and e.en and not HAN.search(e.en), f"row {e.row}: {e.zh} {e.en!r}"
        assert core_words(e.renderings[0]), f"row {e.row}: no English words in {e.en!r}"


def test_both_glossaries_list_the_same_terms_with_the_same_english():
    en, zh = glossary("en"), glossary("zh")
    assert [(e.zh, e.en, e.href) for e in en] == [(e.zh, e.en, e.href) for e in zh]


def test_each_term_is_translated_as_the_glossary_says(rows, entries):
    misses = []
    checked = 0
    for r in rows:
        for form, entry in terms_in(r.zh, entries).items():
            if (form, r.id) in EXCEPTIONS:
                continue
            checked += 1
            if not any(uses(r.en, english) for english in entry.renderings):
                misses.append(f"{r.id}: {form} → {entry.renderings[0].strip()!r} not in {r.en!r}")
    assert checked > 150, f"only {checked} term uses checked: is the glossary being read?"
    assert not misses, "\n".join(misses)


def test_exceptions_are_still_needed(rows, entries):
    """An exception that no longer matches anything is stale: remove it."""
    by_id = {r.id: r for r in rows}
    for (form, cid), why in EXCEPTIONS.items():
        assert form in terms_in(by_id[cid].zh, entries), f"stale exception {form} in {cid} ({why})"


def test_rejected_renderings_do_not_come_back(rows, entries):
    for r in rows:
        for bad in REJECTED:
            assert bad not in r.en, f"{r.id}: rejected rendering {bad!r} in {r.en!r}"
            assert bad not in r.chapter_title_en, f"{r.page} title: {bad!r}"
    for e in entries:
        for bad in REJECTED:
            assert bad not in e.en, f"glossary row {e.row}: rejected rendering {bad!r}"


def test_duties_are_shall_and_should_is_kept_for_exhortations(rows):
    for r in rows:
        if re.search(r"\bshould\b", r.en):
            assert r.id in SHOULD_ALLOWED, f"{r.id}: 'should' in a duty (use 'shall'): {r.en!r}"


def test_chapter_1_title_names_the_directors_office_meeting(rows):
    c11 = next(r for r in rows if r.id == "c1-1")
    assert "主任" in c11.chapter_title_zh and "Director's Office Meeting" in c11.chapter_title_en


def test_the_matcher_can_tell_a_wrong_rendering(entries):
    """The check in test_each_term_is_translated_as_the_glossary_says is not vacuous."""
    lineal = next(e for e in entries if "直系亲属" in e.zh)
    assert uses("When a lineal relative (直系亲属) is hospitalized", lineal.renderings[0])
    assert not uses("When an immediate family member (直系亲属) is hospitalized", lineal.renderings[0])
    assert not uses("a relative (直系亲属, lineal relative)", lineal.renderings[0]), "glosses do not count"
    office = next(e for e in entries if "本办" in e.zh)
    assert not uses("leave the office", office.renderings[0]), "Office (the body) keeps its capital"
    meeting = next(e for e in entries if "主任办公会" in e.zh)
    assert set(terms_in("报请主任办公会议定", entries)) == {"主任办公会议"}
    assert not uses("submitted to the office meeting", meeting.renderings[0])
    assert set(terms_in("上级机构编制部门", entries)) == {"机构编制"}, "longest term wins"
