"""The build code in handbook/, function by function, without MkDocs: shortcodes,
citations, the clause treeprocessor, HTML writing and editing, Material's page
fixes, generated pages, clauses.json and the search entries."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown
import pytest

from handbook import clauses as clause_table
from handbook import material, pages, search, shortcodes, site_outputs
from handbook.citations import item_en, item_label
from handbook.clause_markup import ClauseError, ClauseMarkup
from handbook.markup import StartTags, el, render, splice

ROWS, BY_ID = clause_table.table()
CHAPTERS = clause_table.chapters(ROWS)


class Text(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.feed(text)
        self.close()

    def handle_data(self, data):
        self.parts.append(data)

    def __str__(self):
        return " ".join("".join(self.parts).split())


# ---------------------------------------------------------------- shortcodes
def test_counts_come_from_the_clause_table():
    out = shortcodes.expand("<!-- chapter-count --> <!-- clause-count --> <!--chapter-count-hanzi-->", "zh")
    last = list(CHAPTERS.values())[-1]
    assert out == f"{len(CHAPTERS)} {len(ROWS)} {last.chapter_title_zh.split('、')[0]}"


@pytest.mark.parametrize("n,hanzi", [(1, "一"), (10, "十"), (11, "十一"), (18, "十八"), (20, "二十"), (21, "二十一")])
def test_hanzi_numbers(n, hanzi):
    assert shortcodes.hanzi_number(n) == hanzi


@pytest.mark.parametrize("text", ["<!-- chapter-lsit -->", "<!-- chapter-list: all -->",
                                  "<!-- clause-counts -->", "<!-- clauses: c99-1 -->"])
def test_an_unknown_shortcode_fails(text):
    with pytest.raises(shortcodes.ShortcodeError):
        shortcodes.expand(f"# Page\n\n{text}\n", "en")


@pytest.mark.parametrize("lang,title", [("zh", "示例：一项虚构的决定（不是现行规定）"),
                                        ("en", "Example: a made-up decision (not a rule in force)")])
def test_an_example_is_a_marked_box_out_of_search(lang, title):
    what = "一项虚构的决定" if lang == "zh" else "a made-up decision"
    text = f"# Page\n\nBefore.\n\n<!-- example: {what} -->\nThe sample: 1000元.\n\n```toml\nin_force = 2027-01-01\n```\n<!-- /example -->\n\nAfter.\n"
    out = shortcodes.expand(text, lang)
    head = '<div class="admonition example handbook-example" data-search-exclude="" markdown>'
    assert out.index("Before.") < out.index(head) < out.index(f'<p class="admonition-title">{title}</p>') \
        < out.index("The sample: 1000元.") < out.index("```toml") < out.index("</div>") < out.index("After.")
    assert "<!--" not in out
    assert "示例（不是现行规定）" in shortcodes.expand("<!-- example -->\nx\n<!-- /example -->\n", "zh")
    # Named inside a sentence (the developers' page explains it), it is text, not a box.
    assert shortcodes.expand("Use `<!-- example: x -->` and `<!-- /example -->`.\n", "en") == \
        "Use `<!-- example: x -->` and `<!-- /example -->`.\n"


@pytest.mark.parametrize("text", [
    "<!-- example: x -->\nnever closed\n",
    "stray end\n<!-- /example -->\n",
    "<!-- example -->\n<!-- example -->\nnested\n<!-- /example -->\n<!-- /example -->\n",
    "<!-- examples -->\nx\n<!-- /examples -->\n",
])
def test_a_broken_example_fails(text):
    with pytest.raises(shortcodes.ShortcodeError):
        shortcodes.expand(text, "en")


def test_other_comments_are_left_alone():
    text = "<!-- calculator: quorum -->\n<!-- a note for editors -->\n"
    assert shortcodes.expand(text, "zh") == text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_download_rows_name_every_chapter(lang):
    rows = shortcodes.chapter_downloads(lang).splitlines()
    assert [r.split(" | ")[0] for r in rows] == [f"| {c.title(lang)}" for c in CHAPTERS.values()]
    assert all(pages.download_href(lang, f"ch{n:02d}") + ".pdf" in r for n, r in zip(CHAPTERS, rows))


@pytest.mark.parametrize("path,expected", [
    ("data/index.html", lambda: f"全部 {len(ROWS)} 条条文"),
    ("en/data/index.html", lambda: f"lists all {len(ROWS)} clauses"),
    ("cite/index.html", lambda: f"本手册由{shortcodes.hanzi_number(len(CHAPTERS))}项制度组成"),
    ("en/cite/index.html", lambda: f"consists of {len(CHAPTERS)} sets of rules"),
])
def test_built_pages_state_the_counts_of_the_table(site_dir, path, expected):
    assert expected() in str(Text((site_dir / path).read_text(encoding="utf-8")))


def test_built_data_pages_list_every_chapter_title(site_dir):
    for lang, path in (("zh", "data/index.html"), ("en", "en/data/index.html")):
        text = str(Text((site_dir / path).read_text(encoding="utf-8")))
        assert all(c.title(lang) in text for c in CHAPTERS.values()), lang


# ---------------------------------------------------------------- citations
def test_the_english_unit_follows_the_printed_number():
    for c in ROWS:
        printed = BY_ID[c.parent].number if c.parent else c.number
        article = printed.startswith("第")
        assert item_en(c, BY_ID).startswith("art. " if article else "cl. "), c.id
        assert item_label(c, BY_ID, "en").startswith("Article " if article else "Clause "), c.id


# ---------------------------------------------------------------- clause treeprocessor
def _render(text: str, base: str = "/en/") -> str:
    return markdown.markdown(text, extensions=["attr_list", ClauseMarkup(base)])


def test_clause_paragraphs_get_their_link_data():
    c = BY_ID["c12-8"]
    out = _render(f"{c.zh}\n{{: #c12-8 .clause }}\n\nNot a clause.\n")
    p = StartTags(out).find("p", id="c12-8")[0]
    assert p.attrs["data-shortlink"] == "/en/c/12-8/"
    assert p.attrs["data-cite-zh"].endswith("“财务管理制度”第8条")
    assert p.attrs["data-cite-en"].endswith(", cl. 8")
    assert len(StartTags(out).find("p")) == 2 and "data-shortlink" not in StartTags(out).find("p")[1].attrs


@pytest.mark.parametrize("text", ["x\n{: #x12 .clause }\n", "x\n{: .clause }\n",
                                  "x\n{: #c12-8 .clause }\n\ny\n{: #c12-8 .clause }\n"])
def test_a_bad_or_repeated_clause_id_fails(text):
    with pytest.raises(ClauseError):
        _render(text)


# ---------------------------------------------------------------- HTML writing and reading
def test_render_escapes_every_text_and_value():
    out = render(el("a", {"href": 'x"y&z', "download": None}, "<b>Director's</b> & co"))
    assert out == '<a download href="x&quot;y&amp;z">&lt;b&gt;Director\'s&lt;/b&gt; &amp; co</a>'


def test_start_tags_know_their_place():
    text = '<p>a</p>\n<div class="x"\n  id="y">b</div><script>var s = "<p>";</script>'
    tags = StartTags(text)
    div = tags.find("div", id="y")[0]
    assert text[div.start:div.end] == '<div class="x"\n  id="y">'
    script = tags.find("script")[0]
    assert text[script.end:script.body_end] == 'var s = "<p>";'
    assert [t.name for t in tags.tags] == ["p", "div", "script"]      # no <p> inside the script
    assert splice(text, [(div.start, div.end, "<div>")]) == text.replace('<div class="x"\n  id="y">', "<div>")


# ---------------------------------------------------------------- Material's page fixes
PAGE = ('<html><head>\n    <link rel="alternate" href="../en/ch12/" hreflang="en">\n'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">\n'
        '<script id="__config" type="application/json">{"base": "..", "search": '
        '"../assets/javascripts/workers/search.a7633da7.min.js", "x": "<&>"}</script></head><body>'
        '<div class="md-search" data-md-component="search" role="dialog"></div></body></html>')


def _config(text: str) -> dict:
    script = StartTags(text).find("script", id="__config")[0]
    return json.loads(text[script.end:script.body_end])


@pytest.mark.parametrize("lang,base", [("zh", ".."), ("en", "../en/")])
def test_fix_page(lang, base):
    out = material.fix_page(PAGE, lang, "zh")
    tags = StartTags(out)
    assert tags.find("div", role="dialog")[0].attrs["aria-label"] == material.DIALOG_NAMES[lang]
    assert [t.attrs.get("hreflang") for t in tags.find("link")] == [None]   # the feed link stays
    assert "<head><link" in out.replace("\n", "")                           # with its line
    assert _config(out) == {"base": base, "x": "<&>",
                            "search": "../assets/javascripts/workers/handbook-search.js"
                                      "?material=search.a7633da7.min.js"}
    assert "\\u003c\\u0026\\u003e" in out          # as Jinja's tojson writes it


@pytest.mark.parametrize("page", [PAGE.replace('role="dialog"', ""),
                                  PAGE.replace("search.a7633da7.min.js", "search.js"),
                                  PAGE.replace('id="__config"', 'id="config"')])
def test_fix_page_fails_loudly_when_material_changes(page):
    with pytest.raises(material.MaterialChanged):
        material.fix_page(page, "zh", "zh")


# ---------------------------------------------------------------- generated pages and outputs
def test_the_chapter_tools_follow_the_title():
    out = pages.with_chapter_tools("# 十二、财务管理制度\n\n1.x\n{: #c12-1 .clause }\n", "zh", 12)
    lines = out.split("\n")
    assert lines[0] == "# 十二、财务管理制度" and lines[2].startswith('<p class="chapter-tools">')
    assert 'href="../bilingual/ch12/"' in lines[2] and "<code>/c/12/</code>" in lines[2]
    assert pages.chapter_of("ch12.md") == 12 and pages.chapter_of("bilingual/ch12.md") is None


def test_every_generated_page_exists_for_every_chapter():
    made = pages.generated_pages("en", clause_table.DOCS)
    versions = {"v/index.md", "v/original/index.md"} | {
        f"{folder}/ch{n:02d}.md" for n in CHAPTERS for folder in ("v/original", "history")}
    assert set(made) == ({"bilingual/index.md", "print.md"} | versions
                         | {f"bilingual/ch{n:02d}.md" for n in CHAPTERS})
    assert all(text.startswith("---\ntitle: ") and "search:\n  exclude: true" in text for text in made.values())


def test_clauses_json_has_one_entry_per_clause_under_the_site_path():
    data = site_outputs.clauses_json(ROWS, "/handbook/")
    assert [d["id"] for d in data] == [r.id for r in ROWS]
    c = {d["id"]: d for d in data}["c12-8"]
    assert c["urls"]["short_en"] == "/handbook/en/c/12-8/" and c["parent"] is None
    assert c["citation"]["en"].endswith('"Financial Management Rules", cl. 8')


def test_search_entries_of_a_chapter():
    words = {"c12-8": {"zh": "慰问 白事", "en": "condolence"}}
    entries = search.clause_entries("ch12/", "十二、财务管理制度", 12, "zh", lambda s: s, r"[\s]+", words)
    ids = [r.id for r in ROWS if r.chapter == 12]
    assert [e["location"] for e in entries] == ["ch12/"] + [f"ch12/?clause={i}" for i in ids]
    c128 = entries[1 + ids.index("c12-8")]
    assert c128["text"] == f"<p>{BY_ID['c12-8'].zh}</p>" and c128["title"].endswith("第8条")
    assert c128["tags"][:2] == ["慰问", "白事"] and "sympathy" in " ".join(c128["tags"])
    # The chapter's entry names the chapter as citations do: the search reads “财务管理制度”第8条.
    assert entries[0]["chapter"] == {"n": 12, "zh": "财务管理制度", "en": "Financial Management Rules"}
    assert all("chapter" not in e for e in entries[1:])


@pytest.mark.parametrize("norm,chapter,what", [
    ("ch12.md", 12, "clauses"), ("developers/index.md", None, "none"), ("data.md", None, "none"),
    ("glossary.md", None, "title"), ("calculators/quorum.md", None, "as-is"),
    ("calculators/index.md", None, "title"), ("maintaining.md", None, "title")])
def test_search_policy(norm, chapter, what):
    assert search.policy(norm, chapter) == what
