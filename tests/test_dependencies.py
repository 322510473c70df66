"""The internals of Material for MkDocs and mkdocs-static-i18n that the build relies
on (all listed, and used, in handbook/material.py; the search worker messages in
docs/assets/javascripts/workers/handbook-search.js). Each test names the internal it
checks, so an upgrade that moves one fails here, by name, before a reader meets a
broken page."""
from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from handbook import material

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = Path(__import__("material").__file__).parent
PINNED = dict(line.strip().split("==") for line in
              (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
              if "==" in line and not line.startswith("#"))


@pytest.mark.parametrize("package", ["mkdocs", "mkdocs-material", "mkdocs-static-i18n"])
def test_the_packages_whose_internals_we_use_are_the_pinned_versions(package):
    assert version(package) == PINNED[package], (
        f"{package} {version(package)} is installed, {PINNED[package]} is pinned: "
        "check every internal listed in handbook/material.py before changing the pin")


@pytest.fixture(scope="module")
def config():
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))


# ---------------------------------------------------------------- static-i18n
def test_static_i18n_plugin_attributes(config):
    plugin = material.i18n(config)
    for name in ("current_language", "building"):
        assert hasattr(plugin, name), f"static-i18n: plugin.{name} is gone"
    assert plugin.default_language == "zh", "static-i18n: plugin.default_language"
    assert material.languages(config) == ["zh", "en"]


def test_generated_pages_carry_what_static_i18n_gives_its_own_files(config, monkeypatch):
    from mkdocs.structure.files import File
    from mkdocs_static_i18n.folder import create_i18n_file

    # File.generated records the plugin running; outside a build there is none.
    monkeypatch.setattr(config.plugins, "_current_plugin", "tests", raising=False)

    def added(f) -> set[str]:     # attributes a File does not have by itself
        plain = File.generated(config, "x.md", content="")
        return {k for k in vars(f) if k not in vars(plain) and not hasattr(File, k)}

    plain = File("zh/ch12.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    theirs = create_i18n_file(plain, "en", "zh", ["zh", "en"], config)
    ours = material.generated_file(config, "en", "bilingual/ch12.md", "# x\n")
    assert added(theirs) == {"alternates", "locale", "locale_alternate_of", "localization",
                             "norm_src_uri"}, "static-i18n changed the attributes of its files"
    assert added(theirs) <= added(ours), "generated_file misses an attribute static-i18n sets"
    assert ours.url == "en/bilingual/ch12/" and ours.alternates["zh"].url == "bilingual/ch12/"
    assert theirs.norm_src_uri == "ch12.md" and theirs.locale_alternate_of == "en"


def test_static_i18n_switches_the_language_selector_through_config_extra_alternate():
    import inspect

    from mkdocs_static_i18n.reconfigure import ExtendedPlugin
    source = inspect.getsource(ExtendedPlugin.reconfigure_page_context)
    # It sets the selector as an attribute per page (which material.set_language_selector
    # does for the 404 page), from the alternates of page.file.
    assert "config.extra.alternate = " in source and "page.file.alternates" in source


# ---------------------------------------------------------------- Material's search plugin
def test_material_search_index_entries_and_segmenter():
    from material.plugins.search.plugin import SearchIndex
    index = SearchIndex(lang=["zh"], separator=r"[\s\u200b]+", pipeline=[], fields={})
    assert index.entries == [], "Material: search_index.entries"
    assert "\u200b" in index._segment_chinese("慰问金和奖励"), "Material: search_index._segment_chinese"
    index.entries.append({"location": "ch12/?clause=c12-8", "title": "t", "text": "x", "tags": ["a"]})
    data = json.loads(index.generate_search_index(None))
    assert set(data) == {"config", "docs"} and "pipeline" in data["config"], "Material: index format"
    assert data["docs"][0]["tags"] == ["a"]


def test_material_search_worker_messages():
    """handbook-search.js reads message type 0 (the index, in data) and rewrites type 2
    (the query, a string in data) before Material's worker sees them."""
    worker = next((MATERIAL / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    js = worker.read_text(encoding="utf-8")
    assert material.SEARCH_WORKER.fullmatch(worker.name), "Material: worker file name"
    assert 'addEventListener("message"' in js, "Material's worker: listens with addEventListener"
    assert re.search(r"case 0:return yield \w+\((\w)\.data\.config\),\w+=new \w+\(\1\.data\)", js), \
        "Material's worker: message type 0 carries the index"
    assert re.search(r"case 2:let (\w)=(\w)\.data;try\{return\{type:3,data:\w+\.search\(\1\)", js), \
        "Material's worker: message type 2 carries the query string"
    # The answer (type 3, {items: [[…]]}) goes out through the global postMessage, which
    # handbook-search.js wraps to put a clause named by its number first.
    assert re.search(r'addEventListener\("message",\w+=>[^;]*postMessage\(yield \w+\(\w\.data\)\)', js), \
        "Material's worker: answers each message with the global postMessage"
    assert re.search(r"items:\[\.\.\.\w+\.values\(\)\]", js), "Material's worker: result items, grouped"


# ---------------------------------------------------------------- Material's page markup
def test_material_templates_still_have_what_fix_page_edits():
    base = (MATERIAL / "templates/base.html").read_text(encoding="utf-8")
    search = (MATERIAL / "templates/partials/search.html").read_text(encoding="utf-8")
    assert '<script id="__config" type="application/json">' in base and "| tojson" in base
    assert '"search": "assets/javascripts/workers/search.' in base
    assert '<link rel="alternate" href="{{ alt.link | url }}" hreflang=' in base
    assert '<div class="md-search" data-md-component="search" role="dialog">' in search
    # valid_toggles: the two toggles, autocomplete="off" on each, before the content
    # that Material's CSS reaches from them with `~`.
    for name in ("drawer", "search"):
        assert (f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" '
                f'id="__{name}" autocomplete="off">') in base, f"Material: the {name} toggle"
    css = next((MATERIAL / "templates/assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert "[data-md-toggle=drawer]:checked~" in css and "[data-md-toggle=search]:checked~" in css
    # toc_title_label: the table of contents' title labels the __toc checkbox, which
    # only a page in the nav has.
    toc = (MATERIAL / "templates/partials/toc.html").read_text(encoding="utf-8")
    nav_item = (MATERIAL / "templates/partials/nav-item.html").read_text(encoding="utf-8")
    assert '<label class="md-nav__title" for="__toc">' in toc, "Material: the contents' title"
    assert '{% elif nav_item == page %}' in nav_item and 'id="__toc"' in nav_item, \
        "Material: the __toc checkbox of the page in the nav"


def test_material_pages_have_what_the_dated_editions_rely_on():
    """handbook/editions.py replaces a page's <article class="md-content__inner"> and
    adds a script right after <script id="__config">: it must run before Material's
    bundle, which reads __config once as it loads; the search worker's setup message
    (type 0) carries {config, docs, options}, of which handbook-search.js replaces docs."""
    base = (MATERIAL / "templates/base.html").read_text(encoding="utf-8")
    assert base.count('<article class="md-content__inner md-typeset">') == 1, "Material: the article"
    after = base[base.index('<script id="__config"'):]
    assert re.match(r'<script id="__config" type="application/json">.*?</script>\s*{% endblock %}\s*'
                    r'{% block scripts %}\s*<script src="{{ \'assets/javascripts/bundle\.', after, re.S), \
        "Material: the bundle script follows __config"
    bundle = next((MATERIAL / "templates/assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert re.search(r'var \w+=j\("#__config"\),\w+=JSON\.parse\(\w+\.textContent\)', bundle), \
        "Material's bundle: reads __config as it loads"
    assert re.search(r"type:0,data:\{config:\w+,docs:\w+,options:", bundle), \
        "Material's bundle: the search setup message"
    alternate = (MATERIAL / "templates/partials/alternate.html").read_text(encoding="utf-8")
    assert 'hreflang="{{ alt.lang }}" class="md-select__link"' in alternate


def _page(site: Path, path: str):
    from handbook.markup import StartTags
    text = (site / path).read_text(encoding="utf-8")
    tags = StartTags(text)
    script = tags.find("script", id="__config")[0]
    return tags, json.loads(text[script.end:script.body_end])


@pytest.mark.parametrize("path,lang", [("ch12/index.html", "zh"), ("en/ch12/index.html", "en"),
                                       ("404.html", "zh"), ("en/404.html", "en")])
def test_built_pages_carry_the_fixes(site_dir, path, lang):
    tags, config = _page(site_dir, path)
    dialog = tags.find("div", **{"data-md-component": "search", "role": "dialog"})
    assert [d.attrs.get("aria-label") for d in dialog] == [material.DIALOG_NAMES[lang]]
    assert not [t for t in tags.find("link", rel="alternate") if "hreflang" in t.attrs]
    assert re.search(r"/handbook-search\.js\?material=search\.[0-9a-f]+\.min\.js$", config["search"])
    assert config["base"].endswith("/en/") == (lang == "en")
    toggles = tags.find("input", **{"class": "md-toggle", "type": "checkbox"})
    assert [t.attrs.get("form") for t in toggles] == [material.TOGGLES_FORM] * 2
    assert not any("autocomplete" in t.attrs for t in toggles)
    assert tags.find("form", id=material.TOGGLES_FORM, autocomplete="off")
    # "中文" and "English" each in its own language.
    links = tags.find("a", **{"class": "md-select__link"})
    assert {t.attrs["hreflang"]: t.attrs.get("lang") for t in links} == {"zh": "zh-Hans", "en": "en"}
    if path.endswith("404.html"):
        homes = {t.attrs["hreflang"]: t.attrs["href"] for t in tags.find("a", **{"class": "md-select__link"})}
        assert homes == {"zh": "/", "en": "/en/"}


@pytest.mark.parametrize("path,in_nav", [("glossary/index.html", True), ("data/index.html", False),
                                         ("en/developers/index.html", False)])
def test_the_contents_title_labels_the_contents_checkbox_only_where_there_is_one(site_dir, path, in_nav):
    tags, _ = _page(site_dir, path)
    titles = [t for t in tags.find("label") if "md-nav__title" in t.attrs.get("class", "").split()
              and t.attrs.get("for") in (None, "__toc")]
    assert titles, "the table of contents' title"
    assert bool(tags.find("input", id="__toc")) == in_nav
    assert {t.attrs.get("for") for t in titles} == {"__toc" if in_nav else None}
