"""Clause links for notices: data attributes, generated pages and static files.

Everything here is built from the clause table of handbook/clauses.py (the same
markdown-it-py extractor the tests use), never from hand-copied text.

Per language build (static-i18n builds `zh` at the root, then `en` under /en/):
- chapter pages: every `<p class="clause" id="…">` gets `data-shortlink`,
  `data-cite-zh` and `data-cite-en` attributes (no text is added inside the
  paragraph; clause-links.js adds the link button), plus a line of links under
  the H1 to the side-by-side view and the chapter's short link;
- generated pages: `bilingual/chNN/` (side-by-side view, one row per clause
  with the clause id), `bilingual/` (their index) and `print/` (the whole
  handbook on one page, with a table of contents). They are kept out of the
  search index, so a search still lands on the chapter page;
- the 404 template output is kept per language.

Once, after the last language is built:
- short links `c/12-8/`, `c/12/`, `en/c/12-8/`, `en/c/12/`: tiny static pages
  with a meta refresh, a canonical link and a visible link (no JS needed);
- `clauses.json` at the site root;
- `qr/c12-8.svg` and `qr/en/c12-8.svg`: QR codes of the short links (segno);
- `404.html` and `en/404.html`.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import clauses as extractor  # noqa: E402
from handbook import edition  # noqa: E402
from handbook import version_pages, versions  # noqa: E402
from handbook.citations import (  # noqa: E402  (the one citation format)
    chapter_name_en, chapter_name_zh, cite_en, cite_in_page, cite_zh, item_en, item_zh, short_path)

QR_LIBRARY = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.mjs"
CLAUSE_P_OPEN = re.compile(
    r'<p(?=[^>]*\bclass="clause\b)(?=[^>]*\bid="(?P<id>c\d+-\d+(?:-\d+)?)")(?P<attrs>[^>]*)>')
H1_CLOSE = re.compile(r"(<h1\b[^>]*>.*?</h1>)", re.S)
LABELS = {
    "zh": {
        "bilingual": "中英对照", "bilingual_title": "中英对照",
        "official": "中文（正式文本）", "translation": "English（译文）",
        "chapter": "返回本章", "short": "本章短链接：", "print": "全文打印版",
        "print_title": "永定区编办管理制度（全文打印版）", "toc": "目录",
        "index_intro": "每一章的中文条文与英文译文逐条并排对照，锚点与章节页相同（如 #c12-8）。",
        "print_intro": "本页收录全部{n}项制度，供打印；每项制度从新的一页开始，每条后注明其短链接。",
        "download": "下载", "pdf": "PDF", "docx": "Word",
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
        "download": "Download", "pdf": "PDF", "docx": "Word",
        "download_all": "Download the whole handbook: ", "download_chapter": "Download this chapter: ",
        "note": "Editor's note", "prev": "Previous chapter", "next": "Next chapter",
        "all": "All chapters",
    },
}

_state: dict = {"404": {}}


# ---------------------------------------------------------------- helpers
def _rows():
    return extractor.table()


def _i18n(config):
    return config.plugins.get("i18n")


def _lang(config) -> str:
    plugin = _i18n(config)
    return plugin.current_language if plugin else (config.theme.get("language") or "zh")


def _base_path(config) -> str:
    """The site's path under its host, from site_url: "/" or "/handbook/"."""
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _chapters(rows):
    chapters = {}
    for r in rows:
        chapters.setdefault(r.chapter, r)
    return chapters


# ---------------------------------------------------------------- generated pages
def _bilingual_page(chapter: int, lang: str) -> str:
    rows, by_id = _rows()
    chs = _chapters(rows)
    first = chs[chapter]
    L = LABELS[lang]
    page = f"ch{chapter:02d}"
    title = first.chapter_title_zh if lang == "zh" else first.chapter_title_en
    out = [
        "---", f"title: \"{title} · {L['bilingual_title']}\"", "search:", "  exclude: true", "---", "",
        f"# {title} · {L['bilingual_title']}", "",
    ]
    links = [f'<a href="../../{page}/">{L["chapter"]}</a>']
    if chapter - 1 in chs:
        links.append(f'<a href="../ch{chapter - 1:02d}/">{L["prev"]}</a>')
    if chapter + 1 in chs:
        links.append(f'<a href="../ch{chapter + 1:02d}/">{L["next"]}</a>')
    links.append(f'<a href="../">{L["all"]}</a>')
    out.append('<p class="bilingual-links">' + " · ".join(links) + "</p>")
    out.append("")
    cells = [f'<div class="bilingual" data-chapter="{chapter}">',
             '<div class="bilingual-head" aria-hidden="true">'
             f'<div lang="zh-CN">{L["official"]}</div><div lang="en">{L["translation"]}</div></div>']
    for r in rows:
        if r.chapter != chapter or r.status == "not_yet_in_force":
            continue
        sub = " bilingual-sub" if r.sub else ""
        zh_text, _ = versions.shown(r, "zh")
        en_text, pending = versions.shown(r, "en")
        en_lang = "zh-Hans" if pending else "en"
        zh_notes = "".join(f'<aside class="bilingual-note"><strong>{LABELS["zh"]["note"]}</strong> {_esc(n)}</aside>'
                           for n in r.notes_zh)
        en_notes = "".join(f'<aside class="bilingual-note"><strong>{LABELS["en"]["note"]}</strong> {_esc(n)}</aside>'
                           for n in r.notes_en)
        cells.append(
            f'<div class="bilingual-row{sub}" id="{r.id}">'
            f'<a class="bilingual-id" href="#{r.id}">{_esc(item_zh(r, by_id) if lang == "zh" else item_en(r))}</a>'
            f'<div class="bilingual-zh" lang="zh-CN"><p class="bilingual-text">{_esc(zh_text)}</p>{zh_notes}</div>'
            f'<div class="bilingual-en" lang="en"><p class="bilingual-text" lang="{en_lang}">{_esc(en_text)}</p>'
            + (f'<p class="version-line version-line--pending">{_esc(version_pages.LABELS["en"]["pending_short"])}</p>'
               if pending else "") + f'{en_notes}</div>'
            "</div>")
    cells.append("</div>")
    out.append("\n".join(cells))
    return "\n".join(out) + "\n"


def _bilingual_index(lang: str) -> str:
    rows, _ = _rows()
    L = LABELS[lang]
    out = ["---", f"title: \"{L['bilingual_title']}\"", "search:", "  exclude: true", "---", "",
           f"# {L['bilingual_title']}", "", L["index_intro"], ""]
    for n, r in _chapters(rows).items():
        title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
        other = r.chapter_title_en if lang == "zh" else r.chapter_title_zh
        out.append(f'- [{title}](ch{n:02d}.md) — {other}')
    out += ["", f'[{L["print"]}](../print.md)', ""]
    return "\n".join(out) + "\n"


def _downloads(lang: str, stem: str, label: str) -> str:
    """Links to the PDF and Word files that scripts/build_documents.py writes, from a
    page one level below its language root (chNN/, print/): relative, so they work
    wherever the site is served."""
    L = LABELS[lang]
    href = f"{'../' if lang == 'zh' else '../../'}downloads/{lang}/{stem}"
    return (f'<span class="downloads">{label}'
            f'<a href="{href}.pdf" download>{L["pdf"]}</a> · '
            f'<a href="{href}.docx" download>{L["docx"]}</a></span>')


def _print_page(lang: str, docs_dir: Path) -> str:
    """The whole handbook on one page: every chapter's text, without its
    calculators (a printout records rules, and this page loads no engine)."""
    rows, _ = _rows()
    L = LABELS[lang]
    chs = _chapters(rows)
    out = ["---", f"title: \"{L['print']}\"", "search:", "  exclude: true", "---", "",
           f"# {L['print_title']}", "",
           f'<p class="print-intro">{L["print_intro"].format(n=len(chs))}</p>', "",
           f'<p class="print-downloads">{_downloads(lang, "yongding-rules", L["download_all"])}</p>', "",
           f'<nav class="print-toc" markdown="1">', "", f"**{L['toc']}**", ""]
    for n, r in chs.items():
        title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
        out.append(f"1. [{title}](#ch{n:02d})")
    out += ["", "</nav>", ""]
    for n in chs:
        src = versions.chapter_markdown(lang, n, calculators=False)
        lines = src.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("# "):
                lines[i] = f"## {line[2:].strip()} {{: #ch{n:02d} .print-chapter }}"
                break
        out += lines + [""]
    return "\n".join(out) + "\n"


def edition_css() -> str:
    """The printed page's running header (title and the date the text is as of)
    and page number, per language: @page margin boxes take only literal text."""
    day = edition.as_of()
    head = {"zh": f"永定区编办管理制度 · 本文本截至{edition.date_zh(day)}",
            "en": f"Yongding Office Rules Handbook · text as of {edition.date_en(day)}"}
    box = "font-size: 9pt; color: #444; font-family: serif;"
    out = ["/* Generated by overrides/hooks/clause_links.py from handbook/edition.py. */"]
    for lang, name in (("zh", "handbook-zh"), ("en", "handbook-en")):
        out.append(f'@page {name} {{ size: A4; margin: 18mm 18mm 16mm;'
                   f' @top-center {{ content: {json.dumps(head[lang], ensure_ascii=False)}; {box} }}'
                   f' @bottom-center {{ content: "— " counter(page) " —"; {box} }} }}')
    out.append('@media print { html[lang^="zh"] body { page: handbook-zh; }'
               ' html[lang^="en"] body { page: handbook-en; } }')
    return "\n".join(out) + "\n"


def _mark_generated(file: File, lang: str, norm: str, config) -> File:
    """Give a generated file what static-i18n's language switch reads."""
    plugin = _i18n(config)
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.norm_src_uri = norm
    if plugin:
        default = plugin.default_language
        alternates = {}
        for loc in [lg.locale for lg in plugin.config.languages if lg.build]:
            prefix = "" if loc == default else f"{loc}/"
            alt = File.generated(config, prefix + norm, content="")
            alternates[loc] = alt
        file.alternates = alternates
    return file


@event_priority(-110)  # after static-i18n chose this language's files
def on_files(files, config):
    lang = _lang(config)
    plugin = _i18n(config)
    prefix = "" if not plugin or lang == plugin.default_language else f"{lang}/"
    rows, _ = _rows()
    docs_dir = Path(config.docs_dir)
    pages = {"bilingual/index.md": _bilingual_index(lang),
             "print.md": _print_page(lang, docs_dir)}
    for n in _chapters(rows):
        pages[f"bilingual/ch{n:02d}.md"] = _bilingual_page(n, lang)
    for norm, content in pages.items():
        f = File.generated(config, prefix + norm, content=content)
        files.append(_mark_generated(f, lang, norm, config))
    if not prefix:   # site-wide assets, once (the other languages link to the root's)
        files.append(File.generated(config, "assets/stylesheets/edition.css", content=edition_css()))
        files.append(File.generated(config, "assets/javascripts/vendor/qrcode.mjs",
                                    abs_src_path=str(QR_LIBRARY)))
    return files


def _is_generated(page) -> bool:
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return norm.startswith(("bilingual/", "v/", "history/")) or norm == "print.md"


# ---------------------------------------------------------------- page markdown
EXAMPLE_IDS = ("c12-8", "c1-5-4", "c16-1", "c18-1")


def citation_examples(lang: str) -> str:
    """The citation table of the cite page, made by the citation code itself."""
    _, by_id = _rows()
    head = ("| 条文 | 中文引用 | 英文引用 |" if lang == "zh" else
            "| Clause | Chinese citation | English citation |")
    out = [head, "|---|---|---|"]
    for cid in EXAMPLE_IDS:
        c = by_id[cid]
        where = (f"第{c.chapter_title_zh.split('、')[0]}项制度 {item_zh(c, by_id)}" if lang == "zh" else
                 f"Set {c.chapter}, {item_en(c)}")
        zh = cite_zh(c, by_id) if lang == "zh" else f"`{cite_zh(c, by_id)}`"   # literal data on en pages
        out.append(f"| {where} | {zh} | {_esc(cite_en(c))} |")
    return "\n".join(out)


def chapter_list(lang: str) -> str:
    """The home page's table of contents, from the clause table."""
    rows, _ = _rows()
    counts: dict[int, int] = {}
    for r in rows:
        if r.sub is None:           # sub-items (①…) belong to their clause
            counts[r.chapter] = counts.get(r.chapter, 0) + 1
    out = []
    for n, r in _chapters(rows).items():
        title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
        size = f"（{counts[n]}条）" if lang == "zh" else f" ({counts[n]} clauses)"
        out.append(f"- [{title}](ch{n:02d}.md){size}")
    return '<div class="chapter-list" markdown>\n\n' + "\n".join(out) + "\n\n</div>"


def edition_status(lang: str) -> str:
    """Which text is in force, and as of which date (handbook/version_pages.py)."""
    return version_pages.edition_status(versions.history(), lang, "changes/")


def clause_links_line(lang: str, ids: list[str]) -> str:
    """「依据条文：“财务管理制度”第8条、……」: the clauses a page rests on, by their
    printed numbers, each linked (pages one level below the language root)."""
    _, by_id = _rows()
    links = []
    for cid in ids:
        c = by_id.get(cid)
        if c is None:
            raise PluginError(f"unknown clause {cid!r} in a clauses shortcode")
        links.append(f"[{cite_in_page(c, by_id, lang)}](../{c.page}.md#{c.id})")
    head = "依据条文：" if lang == "zh" else "Rules applied: "
    return head + ("、" if lang == "zh" else "; ").join(links)


CLAUSES_SHORTCODE = re.compile(r"<!--\s*clauses:\s*([^>]*?)\s*-->")


SHORTCODES = {
    "<!-- citation-examples -->": citation_examples,
    "<!-- chapter-list -->": chapter_list,
    "<!-- edition-status -->": edition_status,
}
HANDBOOK_SHORTCODE = re.compile(r"<!--\s*(?:citation|chapter|edition)-[^>]*-->")


def on_page_markdown(markdown, page, config, files):
    lang = _lang(config)
    markdown = CLAUSES_SHORTCODE.sub(lambda m: clause_links_line(lang, m.group(1).split()), markdown)
    for code, make in SHORTCODES.items():
        if code in markdown:
            markdown = markdown.replace(code, make(_lang(config)))
    unknown = HANDBOOK_SHORTCODE.search(markdown)
    if unknown:   # a typo must fail the build, not vanish from the page
        raise PluginError(f"{page.file.src_uri}: unknown shortcode {unknown.group(0)}")
    return markdown


# ---------------------------------------------------------------- page content
def on_page_content(html_out, page, config, files):
    rows, by_id = _rows()
    plugin = _i18n(config)
    lang = _lang(config)
    base = _base_path(config)
    if plugin is not None and lang != plugin.default_language:
        base += f"{lang}/"

    def add_attrs(m):
        c = by_id.get(m["id"])
        if c is None:
            return m.group(0)
        extra = f' data-shortlink="{base}{short_path(c)}"'
        if "data-cite-zh=" not in m["attrs"]:   # a past version's page names its version
            extra += (f' data-cite-zh="{_esc(cite_zh(c, by_id))}"'
                      f' data-cite-en="{_esc(cite_en(c))}"')
        return f'<p{m["attrs"]}{extra}>'

    html_out = CLAUSE_P_OPEN.sub(add_attrs, html_out)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    m = re.fullmatch(r"ch(\d\d)\.md", norm)
    if m:
        lang = _lang(config)
        L = LABELS.get(lang, LABELS["zh"])
        n = int(m.group(1))
        tools = (f'<p class="chapter-tools">'
                 f'<a class="chapter-tools__bilingual" href="../bilingual/ch{n:02d}/">{L["bilingual"]}</a>'
                 f' · <a class="chapter-tools__short" href="../c/{n}/">{L["short"]}'
                 f'<code>/{"" if lang == "zh" else lang + "/"}c/{n}/</code></a>'
                 f' · <a class="chapter-tools__print" href="../print/#ch{n:02d}">{L["print"]}</a>'
                 f' · {_downloads(lang, f"ch{n:02d}", L["download_chapter"])}</p>')
        html_out = H1_CLOSE.sub(lambda h: h.group(1) + tools, html_out, count=1)
    return html_out


@event_priority(-105)  # after search_clauses (-100) made its clause entries
def on_page_context(context, page, config, nav):
    if not _is_generated(page):
        return context
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is not None:
        url = page.url
        index.entries[:] = [e for e in index.entries
                            if e["location"].split("#")[0].split("?")[0] != url]
    return context


# ---------------------------------------------------------------- 404
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        _state["404"][_lang(config)] = output
    return output


# ---------------------------------------------------------------- static files
def _redirect_page(lang: str, target: str, title: str, text: str) -> str:
    t = _esc(target)
    return (
        "<!doctype html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="canonical" href="{t}">\n'
        # A zero-second refresh is a client redirect without a script, so the
        # strict CSP needs no per-page hash for these 290 stubs.
        f'<meta http-equiv="refresh" content="0; url={t}">\n'
        "</head>\n<body>\n"
        f'<p><a href="{t}">{_esc(text)}</a></p>\n'
        "</body>\n</html>\n"
    )


def write_short_links(site: Path, rows, by_id) -> list[str]:
    written = []
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for n, first in _chapters(rows).items():
            title = first.chapter_title_zh if lang == "zh" else first.chapter_title_en
            path = site / prefix / "c" / str(n) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_redirect_page(lang, f"../../ch{n:02d}/", title, title), encoding="utf-8")
            written.append(f"/{prefix}c/{n}/")
        for c in rows:
            if lang == "zh":
                label = f"{cite_zh(c, by_id)}"
            else:
                label = cite_en(c)
            path = site / prefix / "c" / c.id[1:] / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_redirect_page(lang, f"../../{c.page}/#{c.id}", label, label),
                            encoding="utf-8")
            written.append(f"/{prefix}c/{c.id[1:]}/")
    return written


def clauses_json(rows, by_id, base: str) -> list[dict]:
    out = []
    history = versions.history()
    for c, d in zip(rows, extractor.as_dicts(rows)):
        d |= version_pages.json_fields(history, c.id, base)
        for lang in ("zh", "en"):   # no text in force: null, not ""
            if d["status"] != "in_force" or (lang == "en" and c.translation_pending):
                d[lang] = None
        d["chapter_title"] = {"zh": c.chapter_title_zh, "en": c.chapter_title_en}
        d["chapter_name"] = {"zh": chapter_name_zh(c.chapter_title_zh),
                             "en": chapter_name_en(c.chapter_title_en)}
        d["citation"] = {"zh": cite_zh(c, by_id), "en": cite_en(c)}
        d["urls"] = {
            "zh": f"{base}{c.page}/#{c.id}",
            "en": f"{base}en/{c.page}/#{c.id}",
            "short_zh": f"{base}{short_path(c)}",
            "short_en": f"{base}en/{short_path(c)}",
            "bilingual": f"{base}bilingual/{c.page}/#{c.id}",
            "bilingual_en": f"{base}en/bilingual/{c.page}/#{c.id}",
            "qr_zh": f"{base}qr/{c.id}.svg",
            "qr_en": f"{base}qr/en/{c.id}.svg",
        }
        out.append(d)
    return out


def write_qr(site: Path, rows) -> None:
    """qr/c12-8.svg: the short link's QR code, for the address in HANDBOOK_SITE_URL.
    Without that setting the build cannot know where the site will be served, so
    each file says where to make the code instead of naming a host that may not
    serve the site (the citation builder makes codes from the page's own address)."""
    import segno
    origin = edition.site_url()
    for lang, prefix in (("zh", ""), ("en", "en/")):
        folder = site / "qr" / prefix
        folder.mkdir(parents=True, exist_ok=True)
        for c in rows:
            target = folder / f"{c.id}.svg"
            if edition.site_url_is_default():
                target.write_text(_qr_placeholder(lang, c), encoding="utf-8")
                continue
            qr = segno.make(f"{origin}{prefix}{short_path(c)}", error="m", micro=False)
            qr.save(str(target), scale=4, border=2,
                    title=f"{prefix}{short_path(c)}", svgclass="qr", lineclass=None)


def _qr_placeholder(lang: str, c) -> str:
    lines = (["二维码请在“引用与链接”页生成：", f"cite/?ids={c.id}"] if lang == "zh" else
             ["Make this QR code on the", f"citing page: en/cite/?ids={c.id}"])
    text = "".join(f'<text x="8" y="{22 + 18 * i}" font-size="12">{_esc(t)}</text>'
                   for i, t in enumerate(lines))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="232" height="64" viewBox="0 0 232 64">'
            f'<title>{_esc(lines[0] + lines[1])}</title><rect width="100%" height="100%" fill="#fff"/>'
            f"{text}</svg>\n")


CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def write_404(site: Path, base: str) -> None:
    pages = _state["404"]
    if "zh" in pages:
        (site / "404.html").write_text(pages["zh"], encoding="utf-8")
    if "en" in pages:
        def rebase(m):
            data = json.loads(m.group(2))
            data["base"] = data["base"].rstrip("/") + "/en/"
            return m.group(1) + json.dumps(data, ensure_ascii=False) + m.group(3)
        out = CONFIG_SCRIPT.sub(rebase, pages["en"], count=1)
        # static-i18n leaves the language links of the last page built: point them home.
        out = re.sub(r'<a href="[^"]*" hreflang="([^"]+)"',
                     lambda m: f'<a href="{base}{"" if m.group(1) == "zh" else m.group(1) + "/"}" '
                               f'hreflang="{m.group(1)}"', out)
        (site / "en").mkdir(exist_ok=True)
        (site / "en" / "404.html").write_text(out, encoding="utf-8")


@event_priority(-120)  # after static-i18n built every language
def on_post_build(config):
    plugin = _i18n(config)
    if plugin is not None and getattr(plugin, "building", False):
        return
    site = Path(config.site_dir)
    if plugin is not None and plugin.current_language != plugin.default_language:
        # static-i18n leaves config.site_dir at the root; be safe anyway
        while not (site / "search").exists() and site.parent != site:
            site = site.parent
    rows, by_id = _rows()
    base = _base_path(config)
    write_short_links(site, rows, by_id)
    (site / "clauses.json").write_text(
        json.dumps(clauses_json(rows, by_id, base), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    write_qr(site, rows)
    if edition.site_url_is_default():
        # Not a MkDocs warning: strict mode would fail every local build.
        print(f"NOTE: HANDBOOK_SITE_URL is not set: canonical links use {edition.DEFAULT_SITE_URL}, "
              "and qr/*.svg point to the citation builder instead of encoding that address. "
              "Set it for a release build.", file=sys.stderr)
    write_404(site, base)
