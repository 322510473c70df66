"""The calculators_embed hook: forms come from calculators.schema, unknown names fail."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import calculators

HOOK = Path(__file__).resolve().parents[1] / "overrides" / "hooks" / "calculators_embed.py"
_spec = importlib.util.spec_from_file_location("calculators_embed", HOOK)
embed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(embed)


def fake_page(url="calculators/quorum/", src="calculators/quorum.md"):
    return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src))


def fake_config(lang="zh"):
    return SimpleNamespace(theme={"language": lang})


def test_unknown_calculator_fails_the_build():
    with pytest.raises(PluginError, match="unknown calculator 'quorom'"):
        embed.on_page_markdown("text\n\n<!-- calculator: quorom -->\n", fake_page(), fake_config(), None)


def test_known_calculator_passes():
    md = "text\n\n<!-- calculator: quorum -->\n"
    assert embed.on_page_markdown(md, fake_page(), fake_config(), None) == md


@pytest.mark.parametrize("name", calculators.CALCULATORS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_form_fields_are_the_contract_keys(name, lang):
    html = embed.form_html(name, lang, "../../", "../../", 1)
    spec = calculators.schema(name)
    names = set(re.findall(r'data-field="([^"]+)"', html))
    expected = {f["name"] for f in spec["fields"]} - {n for c, n in embed.HIDDEN_FIELDS if c == name}
    assert names == expected
    assert f'data-calculator="{name}"' in html and "data-calculator-result" in html
    assert 'aria-live="polite"' in html
    for field in spec["fields"]:
        if "min" in field and field["type"] in ("integer", "number"):
            assert f'min="{embed._num(field["min"])}"' in html
        if field.get("label_" + lang) and (name, field["name"]) not in embed.HIDDEN_FIELDS:
            assert embed._e(field["label_" + lang]) in html
    # every <input>/<select> with an id has a <label for> (or is in the article template)
    for fid in re.findall(r'<(?:input|select) [^>]*id="([^"]+)"', html):
        assert f'for="{fid}"' in html


def test_script_only_on_pages_with_a_form():
    page = fake_page("ch02/", "ch02.md")
    plain = "<html><head></head><body><p>x</p></body></html>"
    assert embed.on_post_page(plain, page, fake_config()) == plain
    with_form = "<html><head></head><body><!-- calculator: quorum --></body></html>"
    out = embed.on_post_page(with_form, fake_page("ch01/", "ch01.md"), fake_config())
    assert "calculators.js" in out and "<form" in out and '"langRoot": "../"' in out


@pytest.mark.parametrize("url,lang,roots", [
    ("ch12/", "zh", ("../", "../")),
    ("calculators/rewards/", "zh", ("../../", "../../")),
    ("en/calculators/rewards/", "en", ("../../", "../../../")),
    ("en/ch12/", "en", ("../", "../../")),
    ("", "zh", ("./", "./")),
])
def test_relative_roots(url, lang, roots):
    assert embed._prefixes(fake_page(url), fake_config(lang), lang) == roots


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_every_form_has_the_rules_date_field_with_its_hint(name):
    zh = embed.form_html(name, "zh", "../../", "../../", 1)
    en = embed.form_html(name, "en", "../../", "../../", 1)
    fid = f"calc1-{name}-date"
    for html, label in ((zh, "适用日期"), (en, "Rules as of")):
        assert re.search(rf'<label for="{fid}">{label}</label><input type="date" id="{fid}" '
                         r'name="date" data-field="date"', html)
        # The value is set in the browser (its local date), never at build time.
        assert not re.search(rf'id="{fid}"[^>]*value=', html)
    assert f'id="{fid}-hint">按这一天施行的规定计算' in zh or \
        f'id="{fid}-hint">填写了' in zh
    if name == "expenditure":
        assert "填写了开支日期时，按开支日期施行的规定计算" in zh
        assert "When the date of spending is given" in en
