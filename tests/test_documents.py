"""The PDF and Word downloads (scripts/build_documents.py, site/downloads/).

Checks the built site's 76 files: every clause verbatim in each PDF (pdftotext) and
each .docx (python-docx), each Chinese chapter file holding exactly its chapter, the
GB/T 9704 page (A4, margins, text block, 22 lines, 28 characters), the fonts, the
as-of date and site address, and that two builds from the same sources under
SOURCE_DATE_EPOCH are byte-identical.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import build_documents as bd
from handbook import clauses as clause_table
from handbook import edition

ROOT = Path(__file__).resolve().parents[1]
MM = 72 / 25.4
ROWS = clause_table.extract()
CHAPTERS = clause_table.chapters(ROWS)
STEMS = [bd.WHOLE] + [f"ch{n:02d}" for n in CHAPTERS]
FILES = [(lang, stem) for lang in bd.LANGS for stem in STEMS]



def test_poppler_is_installed():
    """pdftotext, pdfinfo and pdffonts (poppler-utils, `make system-deps`): fail, never skip."""
    assert all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdffonts"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_of(row, lang: str) -> str:
    return row.zh if lang == "zh" else row.en


def rows_of(stem: str) -> list:
    return ROWS if stem == bd.WHOLE else [r for r in ROWS if r.page == stem]


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return {k.strip(): v.strip() for k, v in (ln.split(":", 1) for ln in out.splitlines() if ":" in ln)}


def missing_clauses(text: str, rows: list, lang: str) -> list[str]:
    flat = squash(text)
    return [r.id for r in rows if squash(text_of(r, lang)) not in flat]


def docx_paragraphs(path: Path) -> list:
    import docx
    return docx.Document(str(path)).paragraphs


@pytest.fixture(scope="module")
def downloads(site_dir) -> Path:
    return site_dir / "downloads"


def test_every_download_is_built(downloads):
    expected = {f"{lang}/{stem}.{fmt}" for lang, stem in FILES for fmt in ("pdf", "docx")}
    assert len(expected) == 76
    present = {p.relative_to(downloads).as_posix() for p in downloads.rglob("*.*")}
    assert expected - present == set()


# --- PDF ------------------------------------------------------------------------

@pytest.mark.parametrize("lang,stem", FILES)
def test_pdf_holds_every_clause_verbatim(downloads, lang, stem):
    text = pdftotext(downloads / lang / f"{stem}.pdf")
    rows = rows_of(stem)
    assert rows
    assert missing_clauses(text, rows, lang) == []
    # Editor's notes: set apart and labelled, one label per note (the label with its
    # colon: a note may itself refer to another, "见本章第8条编者注").
    notes = sum(len(r.notes_zh if lang == "zh" else r.notes_en) for r in rows)
    assert squash(text).count(squash(bd.NOTE_LABEL[lang]) + ":") == notes


@pytest.mark.parametrize("stem", STEMS[1:])
def test_chinese_chapter_pdf_holds_exactly_its_chapter(downloads, stem):
    text = squash(pdftotext(downloads / "zh" / f"{stem}.pdf"))
    own = {r.chapter_title_zh for r in rows_of(stem)}
    titles = {r.chapter_title_zh for r in ROWS}
    assert [t for t in titles if squash(t) in text] == sorted(own)
    others = [r.id for r in ROWS if r.page != stem and squash(r.zh) in text]
    assert others == []


def test_pdf_is_a4_and_the_whole_zh_handbook_paginates(downloads):
    for lang, stem in FILES:
        info = pdfinfo(downloads / lang / f"{stem}.pdf")
        assert info["Page size"].startswith("595.276 x 841.89"), (lang, stem, info["Page size"])
    assert int(pdfinfo(downloads / "zh" / "yongding-rules.pdf")["Pages"]) >= len(CHAPTERS)


def _lines(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, text) of each line, from pdftotext -bbox-layout."""
    xml = pdftotext(path, "-bbox-layout")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    tree = ET.fromstring(xml)
    out = []
    for pi, page in enumerate(tree.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
            out.append((pi, float(line.get("xMin")), float(line.get("yMin")),
                        float(line.get("xMax")), float(line.get("yMax")), "".join(words)))
    return out


PAGE_NUMBER = re.compile(r"^—\d+—$")


def test_pdf_text_block_follows_gb9704(downloads):
    lines = _lines(downloads / "zh" / "yongding-rules.pdf")
    body = [ln for ln in lines if not PAGE_NUMBER.match(squash(ln[5]))]
    numbers = [ln for ln in lines if PAGE_NUMBER.match(squash(ln[5]))]
    left, top = bd.LEFT * MM, bd.TOP * MM
    right, bottom = left + bd.BLOCK_W * MM, top + bd.BLOCK_H * MM
    # Left margin 28 mm (± 1): lines without indent start exactly there.
    assert abs(min(ln[1] for ln in body) - left) <= MM
    assert all(ln[1] >= left - MM for ln in body)
    # The text block is 156 mm wide: nothing beyond it, and full lines reach it.
    assert max(ln[3] for ln in body) <= right + MM
    assert max(ln[3] for ln in body) >= right - 2 * MM
    # Top margin 37 mm (± 1): the first line of each continued page starts within
    # one line of it; nothing of the body runs below the 225 mm block.
    for page in {ln[0] for ln in body if ln[0] > 1}:
        first = min(ln[2] for ln in body if ln[0] == page)
        assert top - MM <= first <= top + bd.LINE_PITCH_PT, page
    assert max(ln[4] for ln in body) <= bottom + MM
    # 22 lines a page at most, on a 225/22 mm pitch; 28 characters a line at most.
    per_page: dict[int, list[float]] = {}
    for ln in body:
        per_page.setdefault(ln[0], []).append(ln[2])
    assert max(len(v) for v in per_page.values()) <= bd.LINES
    assert max(len(v) for v in per_page.values()) >= bd.LINES - 3
    pitches = [b - a for ys in per_page.values() for a, b in zip(sorted(ys), sorted(ys)[1:])]
    assert sorted(pitches)[len(pitches) // 2] == pytest.approx(225 * MM / 22, abs=0.2)
    # Full-width characters a line (half-width digits and commas are narrower and
    # proportional; the right edge is checked above); editor's notes (14 pt 楷体, set
    # in from the left) are left out.
    widths = [sum(1 for ch in squash(ln[5]) if ord(ch) >= 0x2E80)
              + round((ln[1] - left) / bd.CHAR_PITCH_PT)
              for ln in body if ln[0] > 1 and ln[1] < left + 2.5 * bd.CHAR_PITCH_PT]
    assert bd.CHARS - 1 <= max(widths) <= bd.CHARS
    # Page numbers: "— n —" on every page, below the text block, 4号 (14 pt).
    assert len(numbers) == int(pdfinfo(downloads / "zh" / "yongding-rules.pdf")["Pages"])
    assert all(ln[2] >= bottom + 5 * MM for ln in numbers)
    odd = [ln for ln in numbers if ln[0] % 2 == 1]
    even = [ln for ln in numbers if ln[0] % 2 == 0]
    assert all(ln[3] > right - 30 * MM for ln in odd)        # odd pages: right
    assert all(ln[1] < left + 30 * MM for ln in even)        # even pages: left


def test_pdf_embeds_the_free_faces(downloads):
    out = subprocess.run(["pdffonts", str(downloads / "zh" / "yongding-rules.pdf")],
                         check=True, capture_output=True, text=True).stdout
    rows = [ln for ln in out.splitlines()[2:] if ln.strip()]
    names = {ln.split()[0].split("+", 1)[-1] for ln in rows}
    assert {"Noto-Serif-CJK-SC", "Noto-Serif-CJK-SC-Bold", "Noto-Sans-CJK-SC",
            "AR-PL-UKai-CN"} <= names
    assert all(" yes yes yes " in ln for ln in rows), out    # embedded, subset, unicode


# --- Word ------------------------------------------------------------------------

@pytest.mark.parametrize("lang,stem", FILES)
def test_docx_holds_every_clause_and_only_its_chapter(downloads, lang, stem):
    paras = docx_paragraphs(downloads / lang / f"{stem}.docx")
    body = [p.text for p in paras if p.style.name == "Normal"]
    assert body == [text_of(r, lang) for r in rows_of(stem)]
    headings = [p.text for p in paras if p.style.name == "Heading 1"]
    titles = [r.chapter_title_zh if lang == "zh" else r.chapter_title_en for r in rows_of(stem)]
    assert headings == list(dict.fromkeys(titles))
    notes = [p.text for p in paras if p.style.name == "Editor Note"]
    expected = [f"{bd.NOTE_LABEL[lang]}{':' if lang == 'zh' else ': '}{bd.note_plain(n)}"
                for r in rows_of(stem) for n in (r.notes_zh if lang == "zh" else r.notes_en)]
    assert notes == expected


def _east_asia_fonts(path: Path) -> dict[str, str]:
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(str(path))
    out = {}
    for name in ("Normal", "Title", "Heading 1", "Edition", "Editor Note"):
        rfonts = d.styles[name].element.rPr.find(qn("w:rFonts"))
        out[name] = rfonts.get(qn("w:eastAsia"))
        assert rfonts.get(qn("w:eastAsiaTheme")) is None
    return out


@pytest.mark.parametrize("lang", bd.LANGS)
def test_docx_names_the_standard_font_families(downloads, lang):
    fonts = _east_asia_fonts(downloads / lang / f"{bd.WHOLE}.docx")
    assert fonts["Normal"] in ("仿宋_GB2312", "仿宋")
    assert fonts["Title"] == "方正小标宋简体"
    assert fonts["Heading 1"] == "黑体"
    assert fonts["Edition"] == "楷体" and fonts["Editor Note"] == "楷体"
    import docx
    d = docx.Document(str(downloads / lang / f"{bd.WHOLE}.docx"))
    if lang == "zh":
        assert d.styles["Normal"].font.size.pt == 16          # 3号
        assert d.styles["Heading 1"].font.size.pt == 16
    assert d.styles["Title"].font.size.pt == 22               # 2号


@pytest.mark.parametrize("lang,stem", [(lang, s) for lang in bd.LANGS for s in (bd.WHOLE, "ch12")])
def test_docx_page_is_a4_with_gb9704_margins(downloads, lang, stem):
    import docx
    from docx.oxml.ns import qn
    sec = docx.Document(str(downloads / lang / f"{stem}.docx")).sections[0]
    mm = lambda length: length.mm  # noqa: E731
    assert mm(sec.page_width) == pytest.approx(210, abs=0.5)
    assert mm(sec.page_height) == pytest.approx(297, abs=0.5)
    assert mm(sec.top_margin) == pytest.approx(37, abs=1)
    assert mm(sec.left_margin) == pytest.approx(28, abs=1)
    assert mm(sec.page_width) - mm(sec.left_margin) - mm(sec.right_margin) == pytest.approx(156, abs=1)
    assert mm(sec.page_height) - mm(sec.top_margin) - mm(sec.bottom_margin) == pytest.approx(225, abs=1)
    if lang == "zh":
        # 22 lines: the line grid and the body's exact line spacing divide 225 mm by 22.
        grid = sec._sectPr.find(qn("w:docGrid"))
        block_twips = 225 / 25.4 * 1440
        assert int(grid.get(qn("w:linePitch"))) * bd.LINES == pytest.approx(block_twips, rel=0.005)
        normal = docx.Document(str(downloads / lang / f"{stem}.docx")).styles["Normal"]
        assert normal.paragraph_format.line_spacing.twips * bd.LINES == pytest.approx(block_twips, rel=0.005)
        # 28 characters: 16 pt type condensed so that 28, and not 29, fit in 156 mm.
        spacing = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val")))
        pitch = normal.font.size.pt * 20 + spacing
        assert int((156 / 25.4 * 1440) // pitch) == bd.CHARS
    footer = "".join(p.text for p in sec.footer.paragraphs)
    assert footer.startswith("— ") and footer.endswith(" —")
    xml = sec.footer._element.xml
    assert "PAGE" in xml


# --- the edition line -------------------------------------------------------------

def _edition_pattern(lang: str) -> re.Pattern:
    url = re.escape(squash(edition.site_url()))
    if lang == "zh":
        return re.compile(r"本文本截至(\d{4})年(\d{1,2})月(\d{1,2})日·" + url)
    return re.compile(r"Textasof(\d{1,2})([A-Z][a-z]+)(\d{4})·" + url)


def _check_date(m: re.Match, lang: str) -> None:
    if lang == "zh":
        d = date(int(m[1]), int(m[2]), int(m[3]))
    else:
        d = datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%d %B %Y").date()
    if any(os.environ.get(k) for k in ("HANDBOOK_AS_OF", "HANDBOOK_EDITION_DAY", "SOURCE_DATE_EPOCH")):
        assert d == edition.as_of()
    else:
        assert abs((d - date.today()).days) <= 1     # built today (or just before midnight)


@pytest.mark.parametrize("lang,stem", FILES)
def test_every_file_carries_the_as_of_date_and_site_address(downloads, lang, stem):
    pdf = squash(pdftotext(downloads / lang / f"{stem}.pdf"))
    m = _edition_pattern(lang).search(pdf)
    assert m, pdf[:200]
    _check_date(m, lang)
    word = squash("\n".join(p.text for p in docx_paragraphs(downloads / lang / f"{stem}.docx")))
    m = _edition_pattern(lang).search(word)
    assert m, word[:200]
    _check_date(m, lang)
    if lang == "en":
        assert squash(bd.REFERENCE_NOTE_EN) in pdf and squash(bd.REFERENCE_NOTE_EN) in word
        assert "governs" in bd.REFERENCE_NOTE_EN


# --- reproducibility ----------------------------------------------------------------

EPOCH = 1796083200   # 2026-12-01T00:00:00Z


def _build(out: Path, jobs: int, url: str = "http://handbook.example.local/yd/",
           langs: tuple[str, ...] = bd.LANGS) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("HANDBOOK_AS_OF", "HANDBOOK_EDITION_DAY")}
    env.update(SOURCE_DATE_EPOCH=str(EPOCH), HANDBOOK_SITE_URL=url)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_documents.py"), str(out),
                    "--jobs", str(jobs), "--only", "ch12", *(a for lg in langs for a in ("--lang", lg))],
                   check=True, env=env, capture_output=True, cwd=ROOT)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.*"))}


def test_same_sources_give_byte_identical_files(tmp_path):
    first = _build(tmp_path / "a", jobs=1)
    second = _build(tmp_path / "b", jobs=2)
    assert len(first) == 4
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
    # The dates inside come from SOURCE_DATE_EPOCH, the address from HANDBOOK_SITE_URL.
    pdf = tmp_path / "a" / "downloads" / "zh" / "ch12.pdf"
    assert pdfinfo(pdf)["CreationDate"].startswith("Tue Dec  1 00:00:00 2026")
    assert "本文本截至2026年12月1日·http://handbook.example.local/yd/" in squash(pdftotext(pdf))
    with zipfile.ZipFile(tmp_path / "a" / "downloads" / "en" / "ch12.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 12, 1, 0, 0, 0)}
    import docx
    cp = docx.Document(str(tmp_path / "a" / "downloads" / "en" / "ch12.docx")).core_properties
    assert cp.modified == cp.created == datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert cp.identifier == "http://handbook.example.local/yd/"
    # Another address gives other bytes: the comparison above can fail.
    third = _build(tmp_path / "c", jobs=1, url="http://other.example.local/", langs=("zh",))
    assert third["downloads/zh/ch12.pdf"] != first["downloads/zh/ch12.pdf"]
    assert third["downloads/zh/ch12.docx"] != first["downloads/zh/ch12.docx"]
