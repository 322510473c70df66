"""Clause links for notices: data attributes, generated pages and static files.

Everything here is built from the clause table of scripts/clauses.py (the same
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

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import clauses as extractor  # noqa: E402  (scripts/clauses.py)

WORK = "《永定区编办管理制度》"
WORK_EN = "Yongding Office Rules"
# English short chapter names: the en H1 without "N. ", "Rules on/for (the)"
# and a trailing " Rules"; a few long ones are shortened here.
SHORT_EN_OVERRIDES = {1: "Office Meeting"}
CLAUSE_P_OPEN = re.compile(
    r'<p(?=[^>]*\bclass="clause\b)(?=[^>]*\bid="(?P<id>c\d+-\d+(?:-\d+)?)")(?P<attrs>[^>]*)>')
H1_CLOSE = re.compile(r"(<h1\b[^>]*>.*?</h1>)", re.S)
GENERATED_PREFIXES = ("bilingual/", "print/")
LABELS = {
    "zh": {
        "bilingual": "中英对照", "bilingual_title": "中英对照",
        "official": "中文（正式文本）", "translation": "English（译文）",
        "chapter": "返回本章", "short": "本章短链接", "print": "全文打印版",
        "print_title": "永定区编办管理制度（全文打印版）", "toc": "目录",
        "index_intro": "每一章的中文条文与英文译文逐条并排对照，锚点与章节页相同（如 #c12-8）。",
        "print_intro": "本页收录全部十八项制度，供打印。每条后注明条文编号和短链接。",
        "note": "编者注", "prev": "上一章", "next": "下一章", "all": "全部章节",
    },
    "en": {
        "bilingual": "Side by side (中英对照)", "bilingual_title": "Side by side",
        "official": "中文 (official text)", "translation": "English (translation)",
        "chapter": "Back to the chapter", "short": "Short link of this chapter",
        "print": "Printable edition",
        "print_title": "Yongding Office Rules Handbook (printable edition)", "toc": "Contents",
        "index_intro": "Each chapter with every Chinese clause next to its English translation, "
                       "clause by clause, with the same anchors as the chapter pages (e.g. #c12-8).",
        "print_intro": "All 18 sets of rules on one page, for printing. Each clause is followed "
                       "by its identifier and short link.",
        "note": "Editor's note", "prev": "Previous chapter", "next": "Next chapter",
        "all": "All chapters",
    },
}

_state: dict = {"404": {}}


# ---------------------------------------------------------------- citations
def short_en(title_en: str, chapter: int) -> str:
    if chapter in SHORT_EN_OVERRIDES:
        return SHORT_EN_OVERRIDES[chapter]
    name = re.sub(r"^\d+\.\s*", "", title_en)
    name = re.sub(r"^Rules (?:on|for) (?:the )?", "", name)
    name = re.sub(r"\s+Rules$", "", name)
    return name[:1].upper() + name[1:]


def _parent_number(c, by_id) -> str:
    return by_id[c.parent].number if c.parent else c.number


def item_zh(c, by_id) -> str:
    """第8条 / 第5条第④项 / 第一条 (chapters 16–17: 第X条; chapter 18: 一、 → 第一条)."""
    num = _parent_number(c, by_id)
    if num.startswith("第"):
        head = num                                   # 第一条
    elif num.endswith("、"):
        head = f"第{num[:-1]}条"                     # 一、 → 第一条
    else:
        head = f"第{num.rstrip('.')}条"             # 8. → 第8条
    return head + (f"第{c.number}项" if c.sub else "")


def item_en(c) -> str:
    """cl. 8 / cl. 5(4); chapters 16–17, whose items are 第X条 (Article X): art. 1."""
    unit = "art." if c.chapter in (16, 17) else "cl."
    return f"{unit} {c.item}" + (f"({c.sub})" if c.sub else "")


def cite_zh(c, by_id) -> str:
    return f"{WORK}{c.chapter_title_zh} {item_zh(c, by_id)}"


def cite_en(c) -> str:
    return f"{WORK_EN}, ch. {c.chapter} ({short_en(c.chapter_title_en, c.chapter)}), {item_en(c)}"


def short_path(c) -> str:
    return f"c/{c.id[1:]}/"


# ---------------------------------------------------------------- helpers
def _rows():
    if "rows" not in _state:
        rows = extractor.extract()
        _state["rows"] = rows
        _state["by_id"] = {r.id: r for r in rows}
    return _state["rows"], _state["by_id"]


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
    rows, _ = _rows()
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
        if r.chapter != chapter:
            continue
        sub = " bilingual-sub" if r.sub else ""
        zh_notes = "".join(f'<aside class="bilingual-note"><strong>编者注</strong> {_esc(n)}</aside>'
                           for n in r.notes_zh)
        en_notes = "".join(f'<aside class="bilingual-note"><strong>Editor\'s note</strong> {_esc(n)}</aside>'
                           for n in r.notes_en)
        cells.append(
            f'<div class="bilingual-row{sub}" id="{r.id}">'
            f'<a class="bilingual-id" href="#{r.id}">{r.id}</a>'
            f'<div class="bilingual-zh" lang="zh-CN"><p class="bilingual-text">{_esc(r.zh)}</p>{zh_notes}</div>'
            f'<div class="bilingual-en" lang="en"><p class="bilingual-text">{_esc(r.en)}</p>{en_notes}</div>'
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


def _print_page(lang: str, docs_dir: Path) -> str:
    rows, _ = _rows()
    L = LABELS[lang]
    chs = _chapters(rows)
    out = ["---", f"title: \"{L['print']}\"", "search:", "  exclude: true", "---", "",
           f"# {L['print_title']}", "", f'<p class="print-intro">{L["print_intro"]}</p>', "",
           f'<nav class="print-toc" markdown="1">', "", f"**{L['toc']}**", ""]
    for n, r in chs.items():
        title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
        out.append(f"1. [{title}](#ch{n:02d})")
    out += ["", "</nav>", ""]
    for n in chs:
        src = (docs_dir / lang / f"ch{n:02d}.md").read_text(encoding="utf-8")
        lines = src.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("# "):
                lines[i] = f"## {line[2:].strip()} {{: #ch{n:02d} .print-chapter }}"
                break
        out += lines + [""]
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
    pages = {"bilingual/index.md": _bilingual_index(lang), "print.md": _print_page(lang, docs_dir)}
    for n in _chapters(rows):
        pages[f"bilingual/ch{n:02d}.md"] = _bilingual_page(n, lang)
    for norm, content in pages.items():
        f = File.generated(config, prefix + norm, content=content)
        files.append(_mark_generated(f, lang, norm, config))
    return files


def _is_generated(page) -> bool:
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return norm.startswith("bilingual/") or norm == "print.md"


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
        extra = (f' data-shortlink="{base}{short_path(c)}"'
                 f' data-cite-zh="{_esc(cite_zh(c, by_id))}"'
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
                 f' · <a class="chapter-tools__short" href="../c/{n}/">{L["short"]}: '
                 f'<code>/{"" if lang == "zh" else lang + "/"}c/{n}/</code></a>'
                 f' · <a class="chapter-tools__print" href="../print/#ch{n:02d}">{L["print"]}</a></p>')
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
    for c, d in zip(rows, extractor.as_dicts(rows)):
        d["chapter_title"] = {"zh": c.chapter_title_zh, "en": c.chapter_title_en}
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


def write_qr(site: Path, rows, site_url: str) -> None:
    import segno
    origin = site_url if site_url.endswith("/") else site_url + "/"
    for lang, prefix in (("zh", ""), ("en", "en/")):
        folder = site / "qr" / prefix
        folder.mkdir(parents=True, exist_ok=True)
        for c in rows:
            qr = segno.make(f"{origin}{prefix}{short_path(c)}", error="m", micro=False)
            qr.save(str(folder / f"{c.id}.svg"), scale=4, border=2,
                    title=f"{prefix}{short_path(c)}", svgclass="qr", lineclass=None)


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
    write_qr(site, rows, config.site_url or "http://127.0.0.1:8000/")
    write_404(site, base)
    _state.pop("rows", None)  # a rebuild (mkdocs serve) reads the sources again
