"""The built site (site/): ids, languages and nothing from outside, read from the HTML."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "tests" / "data" / "clause_ids.tsv"


def published_ids() -> list[tuple[str, str]]:
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]


class ElementText(HTMLParser):
    """Text content of every element that has an id (nesting-aware)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        ident = dict(attrs).get("id")
        self.stack.append(ident)
        if ident:
            self.texts.setdefault(ident, [])
            self.open.append(ident)

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        ident = self.stack.pop()
        if ident and self.open and self.open[-1] == ident:
            self.open.pop()

    def handle_data(self, data):
        for ident in self.open:
            self.texts[ident].append(data)


def element_texts(path: Path) -> dict[str, str]:
    parser = ElementText()
    parser.feed(path.read_text(encoding="utf-8"))
    return {k: "".join(v).strip() for k, v in parser.texts.items()}


def chapter_html(site: Path, lang: str, chapter: int) -> Path:
    base = site if lang == "zh" else site / "en"
    return base / f"ch{chapter:02d}" / "index.html"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_published_clause_id_is_on_its_chapter_page_with_its_text(site_dir, lang):
    cache: dict[int, dict[str, str]] = {}
    for cid, zh_text in published_ids():
        chapter = int(cid[1:].split("-")[0])
        if chapter not in cache:
            cache[chapter] = element_texts(chapter_html(site_dir, lang, chapter))
        texts = cache[chapter]
        assert cid in texts, f"{cid} missing on the {lang} page"
        if lang == "zh":
            assert zh_text in texts[cid], f"{cid} lost its text"
        else:
            assert len(texts[cid]) > 8 and not texts[cid].startswith(zh_text[:6])


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_html_lang_is_right_on_every_page(site_dir):
    for page in all_pages(site_dir):
        rel = page.relative_to(site_dir)
        m = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", page.read_text(encoding="utf-8"))
        assert m, f"{rel} has no <html lang>"
        expected = "en" if rel.parts[0] == "en" else "zh"
        assert m.group(1).split("-")[0] == expected, f"{rel}: lang={m.group(1)}"


EXTERNAL = re.compile(r"""(?:src|href|srcset|action)\s*=\s*["']\s*(?:https?:)?//(?!127\.0\.0\.1)""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(|@import)\s*["']?\s*(?:https?:)?//""", re.I)


def test_no_page_or_stylesheet_loads_anything_from_outside(site_dir):
    offenders = []
    for page in all_pages(site_dir):
        text = page.read_text(encoding="utf-8")
        for m in EXTERNAL.finditer(text):
            # Plain links a reader may follow are fine; resources are not.
            start = text.rfind("<", 0, m.start())
            tag = text[start:m.end()]
            if tag.startswith(("<a ", "<a\n")):
                continue
            offenders.append(f"{page.relative_to(site_dir)}: {tag[:120]}")
    for css in site_dir.rglob("*.css"):
        if CSS_EXTERNAL.search(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(css.relative_to(site_dir)))
    assert not offenders, offenders[:5]
    assert "fonts.googleapis" not in (site_dir / "index.html").read_text(encoding="utf-8")


def test_english_pages_show_no_untranslated_chinese(site_dir):
    han = re.compile(r"[\u3400-\u9fff]")
    for page in all_pages(site_dir / "en"):
        text = page.read_text(encoding="utf-8")
        m = re.search(r'<article class="md-content__inner[^>]*>(.*?)</article>', text, re.S)
        if not m:
            continue
        body = re.sub(r'<div class="admonition editor-note".*?</div>', "", m.group(1), flags=re.S)
        body = re.sub(r"<code>.*?</code>", "", body, flags=re.S)   # literal data (citation formats)
        body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)   # data blocks are never shown
        body = re.sub(r"<[^>]+>", "", body)
        body = html.unescape(body)
        prev = None
        while prev != body:     # glosses beside a translation, innermost first: "(出国(境))"
            prev, body = body, re.sub(r"[(（][^()（）]*[)）]", "", body)
        body = re.sub(r"\|[^|\n]*\|", "", body)
        found = han.findall(body)
        rel = page.relative_to(site_dir)
        # The glossary has a Chinese column; the 404 and side-by-side views are bilingual;
        # the developer pages quote the rules' Chinese wording that the code implements;
        # the maintainer's guide shows an amendment file, whose data is Chinese, and the
        # drafting page the Chinese formulae of a decision, which is always in Chinese.
        if rel.parts[1] in ("glossary", "404.html", "bilingual", "developers", "maintaining", "draft"):
            continue
        assert not found, f"{rel}: untranslated Chinese {''.join(found[:20])!r}"


HAN = re.compile(r"[\u3400-\u9fff]")


def unmarked_chinese(root, lang: str = "en") -> list[str]:
    """Texts with Chinese characters whose nearest lang is not Chinese."""
    found = []
    for child in root.children:
        if isinstance(child, str):
            if HAN.search(child) and not lang.startswith("zh"):
                found.append(child.strip()[:40])
        elif child.tag not in ("script", "style", "code", "pre", "title", "option", "textarea") \
                and "data-calculator" not in child.attrs:   # the calculators' forms: their own wording
            found += unmarked_chinese(child, child.attrs.get("lang", lang))
    return found


@pytest.mark.parametrize("rel", ["en/ch01/", "en/ch12/", "en/ch13/", "en/bilingual/ch01/",
                                 "en/bilingual/ch12/", "en/history/ch08/", "en/history/ch12/",
                                 "en/cite/", "en/", "en/glossary/", "bilingual/ch12/"])
def test_chinese_on_english_pages_is_marked_as_chinese(site_dir, rel):
    """Screen readers read it with a Chinese voice, browsers pick Simplified glyphs: the
    chapter tools' "中英对照", the language selector's "中文", the side-by-side and
    history pages' English column (HTML the Markdown treeprocessor never sees)."""
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from sitehtml import page

    root = page(site_dir, rel)
    body = root.one("body")
    # The side-by-side pages' Chinese column is Chinese: only the English one is checked there.
    if rel.startswith("bilingual/"):
        columns = body.select(cls="bilingual-en")
        assert columns
        assert [t for c in columns for t in unmarked_chinese(c)] == [], rel
    else:
        assert unmarked_chinese(body) == [], rel
    if rel.startswith("en/ch"):
        tools = body.one("p", cls="chapter-tools")
        assert [s.text for s in tools.select("span", lang="zh-Hans")] == ["中英对照"]
    selector = {a.get("hreflang"): a.get("lang") for a in body.select("a", cls="md-select__link")}
    assert selector == {"zh": "zh-Hans", "en": "en"}, rel


def test_search_index_is_segmented_per_language(site_dir):
    import json
    zh = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    c128 = next(d for d in zh["docs"] if d["location"] == "ch12/?clause=c12-8")
    assert "\u200b慰问金\u200b" in c128["text"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    e128 = next(d for d in en["docs"] if d["location"] == "ch12/?clause=c12-8")
    assert "sympathy payment" in e128["text"]
    # Everyday words and the other language are searched (tags) but not shown (text).
    assert "condolence" in e128["tags"] and "condolence" not in e128["text"]
    assert "sympathy" in c128["tags"]
    assert "慰问金" in e128["tags"]


def test_search_leaves_out_developer_pages_and_the_glossary_table(site_dir):
    import json
    for prefix in ("", "en/"):
        docs = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        assert not [d for d in docs if d["location"].startswith("developers/")]
        glossary = [d for d in docs if d["location"].startswith("glossary/")]
        assert len(glossary) == 1 and glossary[0]["text"] == ""
        titles = [d["title"].replace("\u200b", "") for d in docs if "?clause=c7-3" in d["location"]]
        assert titles and titles[0].endswith(("第3条", "Clause 3"))


def test_the_maintaining_guide_keeps_only_its_title_in_search(site_dir):
    import json
    for prefix in ("", "en/"):
        docs = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        guide = [d for d in docs if d["location"].startswith("maintaining/")]
        assert len(guide) == 1 and guide[0]["text"] == "" and not guide[0].get("tags"), guide
        # Nothing of a sample decision anywhere in the staff index.
        blob = json.dumps(docs, ensure_ascii=False).replace("\u200b", "")
        for sample in ("in_force", "〔2027〕", "原则上给予慰问金1000元", "(慰问金) of 1000 yuan"):   # c12-8 says 800
            assert sample not in blob, sample


def test_every_sample_decision_is_in_an_example_box(site_dir):
    """An amendment file shown on a page (its `in_force =` line, or the sample
    decision's document number) sits inside the marked example box."""
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from sitehtml import page

    shown = 0
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "in_force =" not in text and "〔2027〕" not in text:
            continue
        root = page(site_dir, str(path.relative_to(site_dir)))
        boxes = root.select(cls="handbook-example")
        inside = "".join(b.text for b in boxes)
        for block in root.select("pre") + root.select("p"):
            if "in_force =" in block.text or "〔2027〕1号" in block.text:
                assert block.text in inside, f"{path.relative_to(site_dir)}: {block.text[:60]!r} outside the example box"
                shown += 1
        for box in boxes:
            title = box.one("p", cls="admonition-title").text
            assert title.startswith(("示例", "Example")) and ("不是现行规定" in title or "not a rule in force" in title)
            assert "data-search-exclude" in box.attrs
    assert shown >= 4, "the maintaining guide's sample decision (zh, en) and the developers' example were not found"


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def test_no_broken_internal_links_or_anchors(site_dir):
    """Every link between pages of the site resolves, and so does its #anchor."""
    from urllib.parse import unquote, urljoin, urlparse
    parsed: dict[Path, Links] = {}

    def parse(p: Path) -> Links:
        if p not in parsed:
            parsed[p] = Links()
            parsed[p].feed(p.read_text(encoding="utf-8"))
        return parsed[p]

    broken = []
    for page in all_pages(site_dir):
        rel = page.relative_to(site_dir).as_posix()
        base = "http://site/" + rel
        for href in parse(page).hrefs:
            url = urlparse(urljoin(base, href))
            if url.scheme not in ("http", "https") or url.netloc != "site":
                continue                      # mailto:, javascript: and outside links
            path = unquote(url.path).lstrip("/")
            target = site_dir / path
            if path == "" or path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{rel}: {href}")
                continue
            frag = unquote(url.fragment)
            if frag and target.suffix == ".html" and frag not in parse(target).ids:
                broken.append(f"{rel}: {href} (no #{frag})")
    assert not broken, f"{len(broken)} broken: {broken[:10]}"
