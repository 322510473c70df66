"""Shortcodes: HTML comments in a Markdown page that the build replaces with
Markdown made from the clause table, before the page is parsed.

    <!-- chapter-list -->          the chapters, linked, with their number of clauses
    <!-- chapter-count -->         the number of chapters: 18
    <!-- chapter-count-hanzi -->   the same in Chinese numerals: 十八
    <!-- clause-count -->          the number of clauses (sub-items included): 127
    <!-- chapter-downloads -->     one table row per chapter: its title, PDF, Word
    <!-- citation-examples -->     the citation table of the citing page
    <!-- edition-status -->        which text is in force, as of which date
    <!-- amendment-list -->        the changes page: every amendment, newest first
    <!-- clauses: c12-8 c12-9 -->  "Rules applied: …", each clause cited and linked
    <!-- example: 一项虚构的决定 -->   a box marked "示例（不是现行规定）" / "Example (not a rule
    …                                 in force)" around what follows, to <!-- /example -->:
    <!-- /example -->                 a sample that must never read as a rule (the
                                      maintaining guide's sample decision). Kept out of
                                      the search index (data-search-exclude).

A page states a count or a title through a shortcode, never as a literal, so adding
a chapter or a clause changes no page but the chapter's own. A shortcode of these
families (`chapter-`, `clause-`, `citation-`, `edition-`, `amendment-`) that is not listed here
fails the build: a typo must not vanish from the page. Plain functions: the MkDocs
hook (overrides/hooks/pages.py) only calls expand().
"""
from __future__ import annotations

import html
import re

from handbook import clauses as clause_table
from handbook import edition, pages
from handbook.citations import cite_en, cite_in_page, cite_zh, item_en, item_zh


class ShortcodeError(ValueError):
    """An unknown shortcode, or one naming an unknown clause."""


EXAMPLE_IDS = ("c12-8", "c1-5-4", "c16-1", "c18-1")
HANZI_DIGITS = "一二三四五六七八九"


def hanzi_number(n: int) -> str:
    """18 → 十八, 10 → 十, 21 → 二十一 (1 ≤ n ≤ 99), as the chapter titles count."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else HANZI_DIGITS[tens - 1] + "十")
    return head + (HANZI_DIGITS[ones - 1] if ones else "")


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def chapter_count(lang: str) -> str:
    rows, _ = clause_table.table()
    return str(len(clause_table.chapters(rows)))


def chapter_count_hanzi(lang: str) -> str:
    rows, _ = clause_table.table()
    return hanzi_number(len(clause_table.chapters(rows)))


def clause_count(lang: str) -> str:
    rows, _ = clause_table.table()
    return str(len(rows))


def chapter_list(lang: str) -> str:
    """The home page's table of contents."""
    rows, _ = clause_table.table()
    counts = clause_table.clause_counts(rows)
    out = []
    for n, r in clause_table.chapters(rows).items():
        size = f"（{counts[n]}条）" if lang == "zh" else f" ({counts[n]} clauses)"
        out.append(f"- [{r.title(lang)}](ch{n:02d}.md){size}")
    return '<div class="chapter-list" markdown>\n\n' + "\n".join(out) + "\n\n</div>"


def chapter_downloads(lang: str) -> str:
    """The rows of a downloads table, one per chapter, for a page one level below
    its language root (the data page)."""
    rows, _ = clause_table.table()
    out = []
    for n, r in clause_table.chapters(rows).items():
        href = pages.download_href(lang, f"ch{n:02d}")
        out.append(f'| {r.title(lang)} | <a href="{href}.pdf">PDF</a> | <a href="{href}.docx">Word</a> |')
    return "\n".join(out)


def citation_examples(lang: str) -> str:
    """The citation table of the cite page, made by the citation code itself."""
    _, by_id = clause_table.table()
    head = ("| 条文 | 中文引用 | 英文引用 |" if lang == "zh" else
            "| Clause | Chinese citation | English citation |")
    out = [head, "|---|---|---|"]
    for cid in EXAMPLE_IDS:
        c = by_id[cid]
        where = (f"第{hanzi_number(c.chapter)}项制度 {item_zh(c, by_id)}" if lang == "zh" else
                 f"Set {c.chapter}, {item_en(c, by_id)}")
        zh = cite_zh(c, by_id) if lang == "zh" else f"`{cite_zh(c, by_id)}`"   # literal data on en pages
        out.append(f"| {where} | {zh} | {_esc(cite_en(c, by_id))} |")
    return "\n".join(out)


def edition_status(lang: str) -> str:
    """Which text is in force, and as of which date (handbook/version_pages.py)."""
    from handbook import version_pages, versions
    return version_pages.edition_status(versions.history(), lang, "changes/")


def amendment_list(lang: str) -> str:
    """The changes page's list of amendments, newest first (handbook/version_pages.py)."""
    from handbook import version_pages, versions
    return version_pages.changes_list(versions.history(), lang)


def clause_links_line(lang: str, ids: list[str]) -> str:
    """「依据条文：“财务管理制度”第8条、……」: the clauses a page rests on, by their
    printed numbers, each linked (pages one level below the language root)."""
    _, by_id = clause_table.table()
    links = []
    for cid in ids:
        c = by_id.get(cid)
        if c is None:
            raise ShortcodeError(f"unknown clause {cid!r} in a clauses shortcode")
        links.append(f"[{cite_in_page(c, by_id, lang)}](../{c.page}.md#{c.id})")
    head = "依据条文：" if lang == "zh" else "Rules applied: "
    return head + ("、" if lang == "zh" else "; ").join(links)


EXAMPLE_OPEN = re.compile(r"^[ \t]*<!--\s*example(?:\s*:\s*(?P<title>[^>]*?))?\s*-->[ \t]*$", re.M)
EXAMPLE_CLOSE = re.compile(r"^[ \t]*<!--\s*/example\s*-->[ \t]*$", re.M)
# A line that is only such a comment but not one of the two (<!-- examples -->, <!-- / example: x -->);
# the shortcode written inside a sentence or a code span (the developers' page) is left alone.
EXAMPLE_ANY = re.compile(r"^[ \t]*<!--\s*/?\s*example[^>]*-->[ \t]*$", re.M)


def example_title(lang: str, title: str) -> str:
    if lang == "zh":
        return f"示例：{title}（不是现行规定）" if title else "示例（不是现行规定）"
    return f"Example: {title} (not a rule in force)" if title else "Example (not a rule in force)"


def examples(markdown: str, lang: str) -> str:
    """Each <!-- example --> … <!-- /example --> as a marked box (Material's
    "example" admonition, styled by handbook.css), its content Markdown as before."""
    out, pos = [], 0
    for m in EXAMPLE_OPEN.finditer(markdown):
        if m.start() < pos:
            raise ShortcodeError("an example inside an example")
        end = EXAMPLE_CLOSE.search(markdown, m.end())
        if end is None:
            raise ShortcodeError(f"{m.group(0).strip()} without <!-- /example -->")
        inner = markdown[m.end():end.start()]
        if EXAMPLE_OPEN.search(inner):
            raise ShortcodeError("an example inside an example")
        title = html.escape(example_title(lang, (m["title"] or "").strip()), quote=False)
        out += [markdown[pos:m.start()],
                '<div class="admonition example handbook-example" data-search-exclude="" markdown>\n\n',
                f'<p class="admonition-title">{title}</p>\n', inner,
                "\n</div>\n"]
        pos = end.end()
    out.append(markdown[pos:])
    result = "".join(out)
    stray = EXAMPLE_ANY.search(EXAMPLE_OPEN.sub("", EXAMPLE_CLOSE.sub("", markdown)))
    if stray:
        raise ShortcodeError(f"unknown shortcode {stray.group(0).strip()}")
    if EXAMPLE_CLOSE.search(markdown) and len(EXAMPLE_CLOSE.findall(markdown)) != len(EXAMPLE_OPEN.findall(markdown)):
        raise ShortcodeError("<!-- /example --> without its <!-- example -->")
    return result


SHORTCODES = {
    "chapter-list": chapter_list,
    "chapter-count": chapter_count,
    "chapter-count-hanzi": chapter_count_hanzi,
    "chapter-downloads": chapter_downloads,
    "clause-count": clause_count,
    "citation-examples": citation_examples,
    "edition-status": edition_status,
    "amendment-list": amendment_list,
}
SHORTCODE = re.compile(r"<!--\s*(?P<name>(?:chapter|clause|citation|edition|amendment)-[\w-]*)\s*-->")
FAMILY = re.compile(r"<!--\s*(?:chapter|clause|citation|edition|amendment)-[^>]*-->")
CLAUSES = re.compile(r"<!--\s*clauses:\s*([^>]*?)\s*-->")


def expand(markdown: str, lang: str) -> str:
    """The page's Markdown with every shortcode replaced; ShortcodeError names an
    unknown one."""
    markdown = examples(markdown, lang)
    markdown = CLAUSES.sub(lambda m: clause_links_line(lang, m.group(1).split()), markdown)

    def replace(m: re.Match) -> str:
        make = SHORTCODES.get(m["name"])
        if make is None:
            raise ShortcodeError(f"unknown shortcode {m.group(0)}")
        return make(lang)

    markdown = SHORTCODE.sub(replace, markdown)
    unknown = FAMILY.search(markdown)
    if unknown:   # e.g. `<!-- chapter-list: x -->`, which SHORTCODE does not take
        raise ShortcodeError(f"unknown shortcode {unknown.group(0)}")
    return markdown
