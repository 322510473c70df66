"""The downloadable documents: the handbook and each chapter as PDF and Word (.docx).

    python scripts/build_documents.py site          # after `mkdocs build`
    python scripts/build_documents.py site --jobs 1 --lang zh --only ch12

Writes, for each language (zh, en):

    site/downloads/<lang>/yongding-rules.pdf   site/downloads/<lang>/yongding-rules.docx
    site/downloads/<lang>/ch01.pdf … ch18.pdf  site/downloads/<lang>/ch01.docx … ch18.docx

The text is the clause table of handbook/clauses.py (every clause verbatim, editor's
notes set apart and labelled) and the title is the first line of
source/regulations.zh.txt. The layout follows GB/T 9704-2012 where it applies to a
printed regulation: A4; margins 37 mm top, 28 mm left, a 156 mm x 225 mm text block;
body 3号 (16 pt) 仿宋 on 22 lines of 28 characters; the title in 2号 (22 pt) 小标宋;
first-level headings (the chapters) 3号 黑体; 楷体, the standard's second-level face,
for the as-of line and the editor's notes (labelled 编者注 / Editor's note; the text
itself has no second-level headings); page numbers 4号 (14 pt) as "— 1 —" below the
text block, odd pages right, even pages left, one character in. A clause is never
split across pages (it would put the page number inside its extracted text).

Fonts. The .docx names the standard families (仿宋_GB2312, 黑体, 楷体, 方正小标宋简体)
so an office PC renders them. The PDF embeds free Debian fonts (Makefile system-deps):
Debian has no free simplified-Chinese 仿宋 (cwTeX 仿宋, fonts-cwtex-fs, is a Big5 font
and lacks 258 of the 751 characters of this text), so the body is set in the closest
free serif, Noto Serif CJK SC (fonts-noto-cjk), which is also the 小标宋 substitute in
its Bold weight; 黑体 is Noto Sans CJK SC and 楷体 is AR PL UKai CN (fonts-arphic-ukai).
English: Liberation Serif body, Liberation Sans headings (fonts-liberation).

Reproducible: every date inside the files comes from SOURCE_DATE_EPOCH (or, without
it, midnight UTC of the as-of date), the .docx zip entries carry that time, and
nothing random is written, so the same sources give byte-identical files.

Plain functions, no MkDocs imports: the Makefile's `build` rule runs this after
`mkdocs build`.
"""
from __future__ import annotations

import argparse
import html
import io
import os
import re
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import clauses as clause_table  # noqa: E402
from handbook import edition  # noqa: E402
from handbook import versions  # noqa: E402

SOURCE = ROOT / "source" / "regulations.zh.txt"
LANGS = ("zh", "en")
WHOLE = "yongding-rules"

TITLE_EN = "Yongding Office Rules Handbook"
REFERENCE_NOTE_EN = ("This English translation is provided for reference only. "
                     "The Chinese text is the official version and governs.")
NOTE_LABEL = {"zh": "编者注", "en": "Editor's note"}

# GB/T 9704-2012 page geometry (mm).
PAGE_W, PAGE_H = 210, 297
TOP, LEFT, BLOCK_W, BLOCK_H = 37, 28, 156, 225
RIGHT = PAGE_W - LEFT - BLOCK_W          # 26
BOTTOM = PAGE_H - TOP - BLOCK_H          # 35
LINES, CHARS = 22, 28
PT_PER_MM = 72 / 25.4
LINE_PITCH_PT = BLOCK_H * PT_PER_MM / LINES    # 28.99 pt
CHAR_PITCH_PT = BLOCK_W * PT_PER_MM / CHARS    # 15.79 pt: 16 pt type, tracked in

# Character spacing of the Chinese body in the .docx, twentieths of a point.
DOCX_CONDENSE = -5
# The standard font families, as named in the .docx (w:eastAsia).
DOCX_FONTS = {"body": "仿宋_GB2312", "heading1": "黑体", "heading2": "楷体",
              "title": "方正小标宋简体", "page": "宋体"}
# The free faces embedded in the PDF, one per standard family.
PDF_FONTS = {
    "zh": {"body": "Noto Serif CJK SC", "title": "Noto Serif CJK SC",
           "heading1": "Noto Sans CJK SC", "heading2": "AR PL UKai CN",
           "page": "Noto Serif CJK SC"},
    "en": {"body": "Liberation Serif", "title": "Liberation Serif",
           "heading1": "Liberation Sans", "heading2": "Liberation Serif",
           "page": "Liberation Serif"},
}
CJK_FALLBACK = {"body": "Noto Serif CJK SC", "title": "Noto Serif CJK SC",
                "heading1": "Noto Sans CJK SC", "heading2": "AR PL UKai CN",
                "page": "Noto Serif CJK SC"}


# --- the text -----------------------------------------------------------------

@dataclass
class Chapter:
    number: int
    page: str                  # "ch12"
    title: str
    clauses: list              # clauses.Clause rows


@dataclass
class Edition:
    as_of: str                 # "2026年11月29日" / "29 November 2026"
    site_url: str
    epoch: int                 # seconds: every date written into the files


def handbook_title(lang: str) -> str:
    if lang == "zh":
        return SOURCE.read_text(encoding="utf-8").splitlines()[0].strip()
    return TITLE_EN


def chapters(lang: str, rows: list | None = None) -> list[Chapter]:
    """The text in force on the edition date (amendments applied; a clause not
    yet in force is left out, a repealed one says so)."""
    rows = clause_table.table()[0] if rows is None else rows
    out: dict[int, Chapter] = {}
    for r in rows:
        if r.status == "not_yet_in_force":
            continue
        if r.chapter not in out:
            title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
            out[r.chapter] = Chapter(r.chapter, r.page, title, [])
        out[r.chapter].clauses.append(r)
    return [out[k] for k in sorted(out)]


def current_edition() -> Edition:
    d = edition.as_of()
    epoch_env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch_env:
        epoch = int(epoch_env)
    else:
        epoch = int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())
    return Edition(as_of=d.isoformat(), site_url=edition.site_url(), epoch=epoch)


def edition_line(lang: str, ed: Edition) -> str:
    from datetime import date
    d = date.fromisoformat(ed.as_of)
    if lang == "zh":
        return f"本文本截至{edition.date_zh(d)} · {ed.site_url}"
    return f"Text as of {edition.date_en(d)} · {ed.site_url}"


def clause_text(c, lang: str) -> str:
    text, standing_in = versions.shown(c, lang)
    return f"{text} [{PENDING_EN}]" if standing_in else text


PENDING_EN = "Translation pending: the Chinese text governs"


def clause_notes(c, lang: str) -> list[str]:
    return c.notes_zh if lang == "zh" else c.notes_en


_EMPH = re.compile(r"\*([^*\n]+)\*")


def note_plain(note: str) -> str:
    """An editor's note as plain text (its Markdown emphasis dropped)."""
    return _EMPH.sub(r"\1", note)


def file_stem(chapter: Chapter | None) -> str:
    return WHOLE if chapter is None else chapter.page


def doc_title(lang: str, chapter: Chapter | None) -> str:
    title = handbook_title(lang)
    if chapter is None:
        return title
    return f"{title} · {chapter.title}" if lang == "zh" else f"{title} — {chapter.title}"


def iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- PDF (WeasyPrint) ---------------------------------------------------------

def _css(lang: str) -> str:
    f = PDF_FONTS[lang]

    def fam(role: str) -> str:
        names = [f[role]] + ([CJK_FALLBACK[role]] if lang == "en" else [])
        return ", ".join(f'"{n}"' for n in names)

    if lang == "zh":
        body_size, tracking = "16pt", f"{CHAR_PITCH_PT - 16:.3f}pt"
        line = f"{LINE_PITCH_PT:.3f}pt"
        indent = f"{2 * CHAR_PITCH_PT:.3f}pt"
        head_size, align = "16pt", "justify"
    else:
        body_size, tracking = "12pt", "0"
        line = f"{BLOCK_H * PT_PER_MM / 34:.3f}pt"   # 34 lines of 12 pt type
        indent = "0"
        head_size, align = "14pt", "left"
    return f"""
@page {{
  size: A4;
  margin: {TOP}mm {RIGHT}mm {BOTTOM}mm {LEFT}mm;
}}
@page :right {{
  @bottom-right {{
    content: "— " counter(page) " —";
    font-family: {fam('page')}; font-size: 14pt; white-space: nowrap; letter-spacing: 0;
    text-align: right; vertical-align: top; padding-top: 7mm; padding-right: 14pt; width: 50mm;
  }}
}}
@page :left {{
  @bottom-left {{
    content: "— " counter(page) " —";
    font-family: {fam('page')}; font-size: 14pt; white-space: nowrap; letter-spacing: 0;
    text-align: left; vertical-align: top; padding-top: 7mm; padding-left: 14pt; width: 50mm;
  }}
}}
html {{ font-family: {fam('body')}; font-size: {body_size}; line-height: {line};
        letter-spacing: {tracking}; color: #000;
        font-variant-ligatures: none; hyphens: manual; }}
body {{ margin: 0; }}
h1.title {{ font-family: {fam('title')}; font-size: 22pt; font-weight: 700;
            text-align: center; line-height: {2 * LINE_PITCH_PT if lang == 'zh' else 30:.3f}pt;
            letter-spacing: 0; margin: 0 0 {line} 0; }}
p.edition, p.reference {{ font-family: {'"Liberation Serif", ' if lang == 'zh' else ''}{fam('heading2')}; text-align: center;
            margin: 0; letter-spacing: 0; overflow-wrap: anywhere; }}
p.reference {{ font-size: 11pt; line-height: 16pt; margin-top: 6pt; }}
p.edition + p.reference, header.cover {{ margin-bottom: {line}; }}
section.chapter {{ break-before: page; }}
header.cover + section.chapter {{ break-before: auto; }}
h2.chapter {{ font-family: {fam('heading1')}; font-size: {head_size}; font-weight: 400;
              margin: 0 0 {'0' if lang == 'zh' else '6pt'} 0; text-indent: {indent};
              break-after: avoid; {'' if lang == 'zh' else 'font-weight: 700;'} }}
p.clause {{ margin: 0; text-indent: {indent}; text-align: {align}; break-inside: avoid; {'' if lang == 'zh' else 'margin-bottom: 4pt;'} }}
p.clause.sub {{ {'' if lang == 'zh' else 'margin-left: 18pt;'} }}
div.note {{ font-family: {fam('heading2')}; font-size: 14pt; line-height: {line};
            letter-spacing: 0; margin: 0 0 0 {indent}; padding: 0 0 0 8pt;
            border-left: 1.5pt solid #666; break-inside: avoid;
            {'' if lang == 'zh' else 'font-size: 10.5pt; line-height: 14pt; margin: 2pt 0 6pt 0;'} }}
div.note p {{ margin: 0; }}
.nobr {{ white-space: nowrap; }}
div.note .label {{ font-family: {fam('heading1')}; }}
"""


# pdftotext joins a word broken after a hyphen at a line's end and drops the hyphen
# ("section-" + "chief" gives "sectionchief"): words with a hyphen never break there.
_HYPHENATED = {"en": re.compile(r"[^\s-]+(?:-[^\s-]+)+"),
               "zh": re.compile(r"[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)+")}


def html_text(text: str, lang: str) -> str:
    """Escaped text for the PDF, hyphenated words kept on one line."""
    out, last = [], 0
    for m in _HYPHENATED[lang].finditer(text):
        out.append(html.escape(text[last:m.start()]))
        out.append(f'<span class="nobr">{html.escape(m.group(0))}</span>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def html_document(lang: str, chs: list[Chapter], chapter: Chapter | None, ed: Edition) -> str:
    e = html.escape
    title = handbook_title(lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{e(doc_title(lang, chapter))}</title>",
        f'<meta name="author" content="{e(title)}">',
        f'<meta name="description" content="{e(edition_line(lang, ed))}">',
        f'<meta name="dcterms.created" content="{iso(ed.epoch)}">',
        f'<meta name="dcterms.modified" content="{iso(ed.epoch)}">',
        f"<style>{_css(lang)}</style></head><body>",
        '<header class="cover">',
        f'<h1 class="title">{e(title)}</h1>',
        f'<p class="edition">{e(edition_line(lang, ed))}</p>',
    ]
    if lang == "en":
        parts.append(f'<p class="reference">{e(REFERENCE_NOTE_EN)}</p>')
    parts.append("</header>")
    for ch in ([chapter] if chapter else chs):
        parts.append(f'<section class="chapter" id="{ch.page}">')
        parts.append(f'<h2 class="chapter">{e(ch.title)}</h2>')
        for c in ch.clauses:
            cls = "clause sub" if c.sub else "clause"
            parts.append(f'<p class="{cls}" id="{c.id}">{html_text(clause_text(c, lang), lang)}</p>')
            for n in clause_notes(c, lang):
                sep = ":" if lang == "zh" else ": "
                parts.append(f'<div class="note"><p><span class="label">{e(NOTE_LABEL[lang])}'
                             f'{sep}</span>{html_text(note_plain(n), lang)}</p></div>')
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def render_pdf(lang: str, chs: list[Chapter], chapter: Chapter | None, ed: Edition) -> bytes:
    from weasyprint import HTML
    doc = HTML(string=html_document(lang, chs, chapter, ed), base_url=str(ROOT))
    # pdf_identifier fixed from the content's title: no random /ID in the trailer.
    ident = f"yongding-{lang}-{file_stem(chapter)}-{ed.epoch}".encode()
    return doc.write_pdf(pdf_identifier=ident, uncompressed_pdf=False)


# --- Word (python-docx) -------------------------------------------------------

# WordprocessingML wants the children of w:rPr and w:pPr in schema order (Word
# may call a file with them out of order corrupt): insert by these lists.
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
             "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
             "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
             "eastAsianLayout specVanish oMath").split()
PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
             "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
             "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
             "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
             "sectPr pPrChange").split()


def _put(parent, tag: str, order: list[str], attrs: dict[str, str]):
    """Set child w:<tag> of `parent` (replacing any) with `attrs`, in schema order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    old = parent.find(qn("w:" + tag))
    if old is not None:
        parent.remove(old)
    el = OxmlElement("w:" + tag)
    for k, v in attrs.items():
        el.set(qn(k), v)
    rank = order.index(tag)
    for i, child in enumerate(parent):
        local = child.tag.rsplit("}", 1)[-1]
        if local in order and order.index(local) > rank:
            parent.insert(i, el)
            break
    else:
        parent.append(el)
    return el


def _set_fonts(rpr, ascii_font: str, east_asia: str, size_pt: float | None = None,
               bold: bool | None = None) -> None:
    """Name the fonts (the East Asian one in w:eastAsia; no theme fonts), size, weight."""
    put = lambda tag, attrs: _put(rpr, tag, RPR_ORDER, attrs)  # noqa: E731
    put("rFonts", {"w:ascii": ascii_font, "w:hAnsi": ascii_font, "w:eastAsia": east_asia,
                   "w:cs": ascii_font, "w:hint": "eastAsia"})
    if bold is not None:
        put("b", {"w:val": "1" if bold else "0"})
        put("bCs", {"w:val": "1" if bold else "0"})
    if size_pt is not None:
        put("sz", {"w:val": str(int(round(size_pt * 2)))})
        put("szCs", {"w:val": str(int(round(size_pt * 2)))})


def _style(doc, name: str, base: str | None, ascii_font: str, east_asia: str,
           size_pt: float, bold: bool = False, align=None, first_indent_chars: int = 0,
           exact_pt: float | None = None, outline: int | None = None):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    styles = doc.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        st.base_style = styles[base]
    el = st.element
    for child in list(el):             # drop the template's borders, colours, themes
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            el.remove(child)
    rpr = el.get_or_add_rPr()
    _set_fonts(rpr, ascii_font, east_asia, size_pt, bold)
    _put(rpr, "i", RPR_ORDER, {"w:val": "0"})
    st.font.color.rgb = RGBColor(0, 0, 0)
    pf = st.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if align is not None:
        pf.alignment = align
    if exact_pt:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(exact_pt)
    ppr = el.get_or_add_pPr()
    if first_indent_chars:
        _put(ppr, "ind", PPR_ORDER, {
            "w:firstLineChars": str(first_indent_chars * 100),
            "w:firstLine": str(int(round(first_indent_chars * (size_pt * 20 + DOCX_CONDENSE))))})
    if name.startswith("Heading"):
        pf.keep_with_next = True
    if outline is not None:
        _put(ppr, "outlineLvl", PPR_ORDER, {"w:val": str(outline)})
    st.quick_style = True
    return st


# Font-table entries for the standard families: Word substitutes by these on a PC
# that lacks a face (altName: 仿宋 on Windows without 仿宋_GB2312, and so on).
FONT_TABLE = [
    ("仿宋_GB2312", "仿宋", "modern", "fixed"),
    ("仿宋", "FangSong", "modern", "fixed"),
    ("黑体", "SimHei", "modern", "fixed"),
    ("楷体", "KaiTi", "modern", "fixed"),
    ("方正小标宋简体", "宋体", "script", "variable"),
    ("宋体", "SimSun", "auto", "variable"),
]


def _declare_fonts(doc) -> None:
    from lxml import etree
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    part = next(p for p in doc.part.package.iter_parts()
                if str(p.partname) == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    have = {f.get(f"{{{W}}}name") for f in root}
    for name, alt, family, pitch in FONT_TABLE:
        if name in have:
            continue
        font = etree.SubElement(root, f"{{{W}}}font", {f"{{{W}}}name": name})
        etree.SubElement(font, f"{{{W}}}altName", {f"{{{W}}}val": alt})
        etree.SubElement(font, f"{{{W}}}charset", {f"{{{W}}}val": "86"})   # GB2312
        etree.SubElement(font, f"{{{W}}}family", {f"{{{W}}}val": family})
        etree.SubElement(font, f"{{{W}}}pitch", {f"{{{W}}}val": pitch})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number_paragraph(footer, align, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    p = footer.paragraphs[0]
    p.alignment = align
    # One character (4号, 14 pt = 280 twips) in from the edge; no first-line indent
    # (the Footer style inherits Normal's two characters, set in characters).
    side = "w:right" if align == 2 else "w:left"
    _put(p._p.get_or_add_pPr(), "ind", PPR_ORDER,
         {side: "280", "w:firstLineChars": "0", "w:firstLine": "0"})
    ascii_font = "宋体" if lang == "zh" else "Times New Roman"

    def run(text: str | None = None, fld: str | None = None, instr: str | None = None):
        r = p.add_run(text or "")
        _set_fonts(r._r.get_or_add_rPr(), ascii_font, DOCX_FONTS["page"], 14)
        if fld:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), fld)
            r._r.append(fc)
        if instr:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            r._r.append(it)
    run("— ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(" —")


def build_docx(lang: str, chs: list[Chapter], chapter: Chapter | None, ed: Edition) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    latin = "Times New Roman"
    zh = lang == "zh"
    body_pt = 16 if zh else 12
    line_pt = round(LINE_PITCH_PT * 20) / 20 if zh else round(BLOCK_H * PT_PER_MM / 34, 2)

    # Document defaults: the body family and size (the grid's character pitch is
    # relative to this size), Chinese as the East Asian language.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, latin, DOCX_FONTS["body"], body_pt)
    _put(rpr_default, "lang", RPR_ORDER, {"w:val": "zh-CN" if zh else "en-GB",
                                          "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})

    J = WD_ALIGN_PARAGRAPH
    _style(doc, "Normal", None, latin, DOCX_FONTS["body"], body_pt,
           align=J.JUSTIFY if zh else J.LEFT, first_indent_chars=2 if zh else 0, exact_pt=line_pt)
    if zh:
        _put(doc.styles["Normal"].element.rPr, "spacing", RPR_ORDER, {"w:val": str(DOCX_CONDENSE)})
    _style(doc, "Title", "Normal", latin, DOCX_FONTS["title"], 22, bold=not zh, align=J.CENTER,
           exact_pt=line_pt * 2 if zh else 30)
    _style(doc, "Heading 1", "Normal", "Arial" if not zh else latin, DOCX_FONTS["heading1"],
           16 if zh else 14, bold=not zh, first_indent_chars=2 if zh else 0,
           exact_pt=line_pt if zh else 22, outline=0)
    _style(doc, "Heading 2", "Normal", latin, DOCX_FONTS["heading2"], 16 if zh else 12,
           first_indent_chars=2 if zh else 0, exact_pt=line_pt, outline=1)
    _style(doc, "Edition", "Normal", latin, DOCX_FONTS["heading2"], 16 if zh else 12,
           align=J.CENTER, exact_pt=line_pt)
    _style(doc, "Editor Note", "Normal", latin, DOCX_FONTS["heading2"], 14 if zh else 10.5,
           first_indent_chars=0, exact_pt=line_pt if zh else 14)
    for name in ("Title", "Edition", "Editor Note"):
        _put(doc.styles[name].element.rPr, "spacing", RPR_ORDER, {"w:val": "0"})
    _declare_fonts(doc)
    note_style = doc.styles["Editor Note"]
    note_style.paragraph_format.left_indent = Pt(2 * CHAR_PITCH_PT if zh else 18)
    if not zh:
        note_style.paragraph_format.space_after = Pt(6)
        doc.styles["Normal"].paragraph_format.space_after = Pt(4)
        doc.styles["Heading 1"].paragraph_format.space_before = Pt(12)
        doc.styles["Heading 1"].paragraph_format.space_after = Pt(6)

    # The page: A4, GB/T 9704 margins, a 22-line x 28-character grid.
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(PAGE_W), Mm(PAGE_H)
    sec.top_margin, sec.bottom_margin = Mm(TOP), Mm(BOTTOM)
    sec.left_margin, sec.right_margin = Mm(LEFT), Mm(RIGHT)
    sec.header_distance = Mm(15)
    sec.footer_distance = Mm(BOTTOM - 7 - 5)   # number's top edge 7 mm below the block
    grid = sec._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sec._sectPr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    # 22 lines: a line grid at 225/22 mm. 28 characters: the body is condensed by
    # 0.25 pt (15.75 pt a character, 28 in 156 mm) rather than by a negative character
    # grid (w:charSpace), which Word reads but LibreOffice lays out at 16 a line.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(round(line_pt * 20))))
    doc.settings.odd_and_even_pages_header_footer = True
    sec.footer.is_linked_to_previous = False
    _page_number_paragraph(sec.footer, J.RIGHT, lang)
    _page_number_paragraph(sec.even_page_footer, J.LEFT, lang)

    title = handbook_title(lang)
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(edition_line(lang, ed), style="Edition")
    if not zh:
        p = doc.add_paragraph(REFERENCE_NOTE_EN, style="Edition")
        p.paragraph_format.space_before = Pt(6)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(line_pt)

    for i, ch in enumerate([chapter] if chapter else chs):
        h = doc.add_paragraph(ch.title, style="Heading 1")
        if i:
            h.paragraph_format.page_break_before = True
        for c in ch.clauses:
            p = doc.add_paragraph(clause_text(c, lang), style="Normal")
            if c.sub and not zh:
                p.paragraph_format.left_indent = Pt(18)
            for n in clause_notes(c, lang):
                np_ = doc.add_paragraph(style="Editor Note")
                label = np_.add_run(NOTE_LABEL[lang] + (":" if zh else ": "))
                _set_fonts(label._r.get_or_add_rPr(), "Arial" if not zh else latin,
                           DOCX_FONTS["heading1"])
                np_.add_run(note_plain(n))

    # No thumbnail (the template's is a blank page).
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg.rels.pop(rid)
    cp = doc.core_properties
    when = datetime.fromtimestamp(ed.epoch, tz=timezone.utc).replace(tzinfo=None)
    cp.title = doc_title(lang, chapter)
    cp.subject = edition_line(lang, ed)
    cp.author = title
    cp.last_modified_by = title
    cp.comments = edition_line(lang, ed) + ("" if zh else " " + REFERENCE_NOTE_EN)
    cp.identifier = ed.site_url
    cp.language = "zh-CN" if zh else "en"
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue(), ed.epoch)


def normalize_zip(data: bytes, epoch: int) -> bytes:
    """The same zip with every entry dated `epoch` (UTC), in a fixed order and mode."""
    t = time.gmtime(max(epoch, 315532800))          # zip dates start in 1980
    stamp = t[:6]
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, src.read(info.filename), compresslevel=9)
    return out.getvalue()


# --- the build ----------------------------------------------------------------

def _pdf_job(args) -> tuple[str, int, float]:
    lang, page, out_path, ed = args
    t0 = time.monotonic()
    chs = chapters(lang)
    chapter = next((c for c in chs if c.page == page), None) if page else None
    data = render_pdf(lang, chs, chapter, ed)
    Path(out_path).write_bytes(data)
    return out_path, len(data), time.monotonic() - t0


def outputs(site: Path, langs=LANGS, only: list[str] | None = None) -> list[tuple[str, str | None, Path]]:
    """(lang, chapter page or None for the whole handbook, path without suffix)."""
    pages = [c.page for c in chapters("zh")]
    jobs = []
    for lang in langs:
        for page in [None] + pages:
            stem = page or WHOLE
            if only and stem not in only:
                continue
            jobs.append((lang, page, site / "downloads" / lang / stem))
    return jobs


def build(site: Path, langs=LANGS, only: list[str] | None = None, jobs: int = 2,
          formats=("pdf", "docx")) -> list[Path]:
    ed = current_edition()
    todo = outputs(site, langs, only)
    for lang in langs:
        (site / "downloads" / lang).mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "docx" in formats:
        rows = clause_table.table()[0]
        by_lang = {lang: chapters(lang, rows) for lang in langs}
        for lang, page, stem in todo:
            chs = by_lang[lang]
            chapter = next((c for c in chs if c.page == page), None) if page else None
            path = stem.with_suffix(".docx")
            path.write_bytes(build_docx(lang, chs, chapter, ed))
            written.append(path)
    if "pdf" in formats:
        # The whole handbooks first: they take longest.
        args = sorted(((lang, page, str(stem.with_suffix(".pdf")), ed) for lang, page, stem in todo),
                      key=lambda a: a[1] is not None)
        if jobs > 1 and len(args) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                results = list(pool.map(_pdf_job, args))
        else:
            results = [_pdf_job(a) for a in args]
        written += [Path(r[0]) for r in results]
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--lang", action="append", choices=LANGS)
    ap.add_argument("--only", action="append", help="ch12 or yongding-rules (repeatable)")
    ap.add_argument("--format", action="append", choices=("pdf", "docx"))
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    written = build(args.site, tuple(args.lang or LANGS), args.only, args.jobs,
                    tuple(args.format or ("pdf", "docx")))
    print(f"build_documents: {len(written)} files in {args.site / 'downloads'} "
          f"in {time.monotonic() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
