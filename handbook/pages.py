"""Pages made from the clause table (handbook/clauses.py), never from copied text.

Before the build (Markdown, written per language; the MkDocs hook adds them to the
site as generated files, kept out of the search index):
- `bilingual/chNN.md`: the side-by-side view, one row per clause, same anchors as
  the chapter page (#c12-8);
- `bilingual/index.md`: their index;
- `print.md`: the whole handbook on one page, without its calculators;
- `v/<date>/…` and `history/chNN.md`: the handbook in time (handbook/version_pages.py);
- on each chapter page, the line of links under its title (chapter_tools).

After the build (files in site/):
- short links `c/12-8/`, `c/12/`, `en/c/12-8/`, `en/c/12/`: tiny pages with a
  meta refresh, a canonical link and a visible link (no script needed).

Plain functions of the table and the language: no MkDocs here.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from string import Template

from handbook import clauses as clause_table
from handbook import version_pages, versions
from handbook.citations import cite_en, cite_zh, item_en, item_zh
from handbook.markup import el, join, render
from handbook.typography import mark_chinese

LABELS = {
    "zh": {
        "bilingual": "中英对照", "bilingual_title": "中英对照",
        "official": "中文（正式文本）", "translation": "English（译文）",
        "chapter": "返回本章", "short": "本章短链接：", "print": "全文打印版",
        "print_title": "永定区编办管理制度（全文打印版）", "toc": "目录",
        "index_intro": "每一章的中文条文与英文译文逐条并排对照，锚点与章节页相同（如 #c12-8）。",
        "print_intro": "本页收录全部{n}项制度，供打印；每项制度从新的一页开始，每条后注明其短链接。",
        "pdf": "PDF", "docx": "Word",
        "download_all": "下载全文：", "download_chapter": "下载本章：",
        "note": "编者注", "prev": "上一章", "next": "下一章", "all": "全部章节",
    },
    "en": {
        "bilingual": "Side by side (中英对照)", "bilingual_title": "Side by side",
        "official": "中文 (official text)", "translation": "English (translation)",
        "chapter": "Back to the chapter", "short": "Short link of this chapter: ",
        "print": "Printable edition",
        "print_title": "Yongding Office Rules Handbook (printable edition)", "toc": "Contents",
        "index_intro": "Each chapter with every Chinese clause next to its English translation, "
                       "clause by clause, with the same anchors as the chapter pages (e.g. #c12-8).",
        "print_intro": "All {n} sets of rules on one page, for printing; each starts on a new page, "
                       "and each clause is followed by its short link.",
        "pdf": "PDF", "docx": "Word",
        "download_all": "Download the whole handbook: ", "download_chapter": "Download this chapter: ",
        "note": "Editor's note", "prev": "Previous chapter", "next": "Next chapter",
        "all": "All chapters",
    },
}
CHAPTER_PAGE = re.compile(r"ch(\d\d)\.md")


def chapter_of(norm_src: str) -> int | None:
    """12 for the chapter page "ch12.md", else None."""
    m = CHAPTER_PAGE.fullmatch(norm_src)
    return int(m.group(1)) if m else None


def is_generated(norm_src: str) -> bool:
    return norm_src.startswith(("bilingual/", "v/", "history/")) or norm_src == "print.md"


def _front_matter(title: str, wide: bool = False) -> list[str]:
    """wide: without the (empty) table of contents on the right, so that two columns
    of text get its room."""
    hide = ["hide:", "  - toc"] if wide else []
    return ["---", f'title: "{title}"', "search:", "  exclude: true", *hide, "---", ""]


# ---------------------------------------------------------------- downloads and tools
def download_href(lang: str, stem: str) -> str:
    """The PDF/Word files of scripts/build_documents.py without their suffix, from a
    page one level below its language root (chNN/, print/, data/): relative, so they
    work wherever the site is served."""
    return f"{'../' if lang == 'zh' else '../../'}downloads/{lang}/{stem}"


def downloads(lang: str, stem: str, label: str):
    L = LABELS[lang]
    href = download_href(lang, stem)
    return el("span", {"class": "downloads"}, label,
              el("a", {"href": f"{href}.pdf", "download": None}, L["pdf"]), " · ",
              el("a", {"href": f"{href}.docx", "download": None}, L["docx"]))


def chapter_tools(lang: str, n: int) -> str:
    """The line under a chapter's title: side by side, short link, print, downloads."""
    L = LABELS[lang]
    short = f"/{'' if lang == 'zh' else lang + '/'}c/{n}/"
    links = [
        el("a", {"class": "chapter-tools__bilingual", "href": f"../bilingual/ch{n:02d}/"}, L["bilingual"]),
        el("a", {"class": "chapter-tools__short", "href": f"../c/{n}/"}, L["short"], el("code", {}, short)),
        el("a", {"class": "chapter-tools__print", "href": f"../print/#ch{n:02d}"}, L["print"]),
        downloads(lang, f"ch{n:02d}", L["download_chapter"]),
    ]
    line = el("p", {"class": "chapter-tools"}, *join(links, " · "))
    return render(mark_chinese(line) if lang == "en" else line)   # "Side by side (中英对照)"


def with_chapter_tools(markdown: str, lang: str, n: int) -> str:
    """A chapter page's Markdown with the tools line right after its title."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            lines[i + 1:i + 1] = ["", chapter_tools(lang, n), ""]
            return "\n".join(lines)
    raise ValueError(f"chapter {n} has no title line (# …)")


# ---------------------------------------------------------------- generated pages
def bilingual_page(chapter: int, lang: str) -> str:
    rows, by_id = clause_table.table()
    chs = clause_table.chapters(rows)
    L = LABELS[lang]
    title = f"{chs[chapter].title(lang)} · {L['bilingual_title']}"
    links = [el("a", {"href": f"../../ch{chapter:02d}/"}, L["chapter"])]
    if chapter - 1 in chs:
        links.append(el("a", {"href": f"../ch{chapter - 1:02d}/"}, L["prev"]))
    if chapter + 1 in chs:
        links.append(el("a", {"href": f"../ch{chapter + 1:02d}/"}, L["next"]))
    links.append(el("a", {"href": "../"}, L["all"]))

    def notes(texts: list[str], note_lang: str):
        return [el("aside", {"class": "bilingual-note"},
                   el("strong", {}, LABELS[note_lang]["note"]), f" {n}") for n in texts]

    grid = el("div", {"class": "bilingual", "data-chapter": str(chapter)},
              el("div", {"class": "bilingual-head", "aria-hidden": "true"},
                 el("div", {"lang": "zh-CN"}, L["official"]),
                 el("div", {"lang": "en"}, L["translation"])))
    for r in rows:
        if r.chapter != chapter or r.status == "not_yet_in_force":
            continue
        zh_text, _ = versions.shown(r, "zh")
        en_text, pending = versions.shown(r, "en")
        en_cell = [el("p", {"class": "bilingual-text", "lang": "zh-Hans"} if pending
                      else {"class": "bilingual-text"}, en_text)]
        if pending:
            en_cell.append(el("p", {"class": "version-line version-line--pending"},
                              version_pages.LABELS["en"]["pending_short"]))
        grid.append(el(
            "div", {"class": "bilingual-row bilingual-sub" if r.sub else "bilingual-row", "id": r.id},
            el("a", {"class": "bilingual-id", "href": f"#{r.id}"}, _row_label(r, by_id, lang)),
            el("div", {"class": "bilingual-zh", "lang": "zh-CN"},
               el("p", {"class": "bilingual-text"}, zh_text), *notes(r.notes_zh, "zh")),
            mark_chinese(el("div", {"class": "bilingual-en", "lang": "en"},
                            *en_cell, *notes(r.notes_en, "en")))))
    out = _front_matter(title, wide=True) + [
        f"# {title}", "",
        render(el("p", {"class": "bilingual-links"}, *join(links, " · "))), "",
        render(grid)]
    return "\n".join(out) + "\n"


def _row_label(r, by_id, lang: str) -> str:
    """第6条 / cl. 6; a clause repealed in a renumbering, whose number another clause
    now prints: 原第6条 / former cl. 6."""
    label = item_zh(r, by_id) if lang == "zh" else item_en(r, by_id)
    if versions.renumbered_away(r):
        return f"原{label}" if lang == "zh" else f"former {label}"
    return label


def bilingual_index(lang: str) -> str:
    rows, _ = clause_table.table()
    L = LABELS[lang]
    other = "en" if lang == "zh" else "zh"
    out = _front_matter(L["bilingual_title"]) + [f"# {L['bilingual_title']}", "", L["index_intro"], ""]
    for n, r in clause_table.chapters(rows).items():
        out.append(f"- [{r.title(lang)}](ch{n:02d}.md) — {r.title(other)}")
    out += ["", f'[{L["print"]}](../print.md)', ""]
    return "\n".join(out) + "\n"


def print_page(lang: str, docs_dir: Path) -> str:
    """The whole handbook on one page: every chapter's text, without its
    calculators (a printout records rules, and this page loads no engine)."""
    rows, _ = clause_table.table()
    L = LABELS[lang]
    chs = clause_table.chapters(rows)
    out = _front_matter(L["print"]) + [
        f"# {L['print_title']}", "",
        render(el("p", {"class": "print-intro"}, L["print_intro"].format(n=len(chs)))), "",
        render(el("p", {"class": "print-downloads"},
                  downloads(lang, "yongding-rules", L["download_all"]))), "",
        '<nav class="print-toc" markdown="1">', "", f"**{L['toc']}**", ""]
    for n, r in chs.items():
        out.append(f"1. [{r.title(lang)}](#ch{n:02d})")
    out += ["", "</nav>", ""]
    for n in chs:
        lines = versions.chapter_markdown(lang, n, calculators=False).split("\n")
        for i, line in enumerate(lines):
            if line.startswith("# "):
                lines[i] = f"## {line[2:].strip()} {{: #ch{n:02d} .print-chapter }}"
                break
        out += lines + [""]
    return "\n".join(out) + "\n"


def generated_pages(lang: str, docs_dir: Path, base: str = "/") -> dict[str, str]:
    """Path under the language root → Markdown, for every generated page. `base`:
    the absolute path of the language root (the versions' permanent links)."""
    rows, _ = clause_table.table()
    pages = {"bilingual/index.md": bilingual_index(lang), "print.md": print_page(lang, docs_dir)}
    for n in clause_table.chapters(rows):
        pages[f"bilingual/ch{n:02d}.md"] = bilingual_page(n, lang)
    pages.update(version_pages.generated(lang, base))
    return pages


# ---------------------------------------------------------------- short links (after the build)
# A zero-second refresh is a client redirect without a script, so the strict CSP
# needs no per-page hash for these stubs.
REDIRECT = Template("""<!doctype html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<title>$title</title>
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="$target">
<meta http-equiv="refresh" content="0; url=$target">
</head>
<body>
<p><a href="$target">$text</a></p>
</body>
</html>
""")


def redirect_page(lang: str, target: str, title: str, text: str) -> str:
    def e(s):
        return html.escape(s, quote=True)
    return REDIRECT.substitute(lang="zh-CN" if lang == "zh" else "en",
                               target=e(target), title=e(title), text=e(text))


def write_short_links(site: Path) -> list[str]:
    """c/NN/ for each chapter and c/NN-M/ for each clause, in both languages."""
    rows, by_id = clause_table.table()
    written = []
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for n, first in clause_table.chapters(rows).items():
            title = first.title(lang)
            path = site / prefix / "c" / str(n) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirect_page(lang, f"../../ch{n:02d}/", title, title), encoding="utf-8")
            written.append(f"/{prefix}c/{n}/")
        for c in rows:
            label = cite_zh(c, by_id) if lang == "zh" else cite_en(c, by_id)
            path = site / prefix / "c" / c.id[1:] / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirect_page(lang, f"../../{c.page}/#{c.id}", label, label),
                            encoding="utf-8")
            written.append(f"/{prefix}c/{c.id[1:]}/")
    return written
