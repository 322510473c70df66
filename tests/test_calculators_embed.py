"""The calculator forms (handbook/calculator_forms.py) and their hook: forms come from
calculators.schema, unknown names fail."""
from __future__ import annotations

import ast
import importlib.util
import json
import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import calculators

HOOK = Path(__file__).resolve().parents[1] / "overrides" / "hooks" / "calculators_embed.py"
_spec = importlib.util.spec_from_file_location("calculators_embed", HOOK)
embed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(embed)
from handbook import calculator_forms as forms  # noqa: E402


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
    html = forms.form_html(name, lang, "../../", "../../", 1)
    spec = calculators.schema(name)
    names = set(re.findall(r'data-field="([^"]+)"', html))
    expected = {f["name"] for f in spec["fields"] if not forms._is_fixed(f)}
    assert names == expected
    assert f'data-calculator="{name}"' in html and "data-calculator-result" in html
    assert 'aria-live="polite"' in html
    for field in spec["fields"]:
        if "min" in field and field["type"] in ("integer", "number"):
            assert f'min="{forms._num(field["min"])}"' in html
        if field.get("label_" + lang) and not forms._is_fixed(field):
            assert forms._e(field["label_" + lang]) in html
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
    assert forms.prefixes(url, lang) == roots


# ------------------------------------------- nothing about one calculator

ROOT = Path(__file__).resolve().parents[1]
PAGE_CODE = [ROOT / "docs/assets/javascripts/calculators/calculators.js",
             ROOT / "docs/assets/javascripts/calculators/display.js",
             ROOT / "docs/assets/javascripts/calc-record.js"]
# Words that are also HTML or the page's own vocabulary (<input type=month>, the
# boot script's start mode "use", the config's lang).
GENERIC = {"lang", "month", "use"}


def _names(fields):
    for field in fields:
        yield field["name"]
        yield from _names(field.get("items", field).get("fields", ()))


def _calculator_words() -> set:
    """Every calculator, input and output name, and every outlet name of rules.toml."""
    from calculators import _display
    words = set(calculators.CALCULATORS)
    for name in calculators.CALCULATORS:
        spec = calculators.schema(name)
        words |= set(_names(spec["fields"])) | {o["name"] for o in spec["outputs"]}
    rules = tomllib.loads((ROOT / "calculators/rules.toml").read_text(encoding="utf-8"))
    for level in rules["rewards"]["levels"].values():
        words |= set(level["outlets"])
    return words - set(_display.KINDS) - set(_display.PART_KINDS) - GENERIC


def _js_strings(path: Path) -> set:
    code = path.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    code = re.sub(r"^\s*//.*$", "", code, flags=re.M)
    strings = set(re.findall(r'"([^"\\\n]*)"', code)) | set(re.findall(r"'([^'\\\n]*)'", code))
    return strings | {m.group(1) for s in strings for m in re.finditer(r'=\\?"?([\w-]+)', s)}


@pytest.mark.parametrize("path", PAGE_CODE, ids=lambda p: p.name)
def test_the_page_script_names_no_calculator_input_output_or_outlet(path):
    found = _calculator_words() & _js_strings(path)
    assert not found, found
    assert not re.search(r"\.(articles|reward|meetings|counts|ics)\b", path.read_text(encoding="utf-8"))


def test_the_hook_names_no_calculator_input_output_or_outlet():
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
               and isinstance(node.value, str)}
    found = {word for word in _calculator_words() if any(word == s or f'"{word}"' in s for s in strings)}
    assert not found, found
    # The 20 days of personal leave, the outlet names, the rates: from the data.
    assert not re.search(r"\d{2,}", " ".join(s for s in strings if "元" in s or "day" in s))


def _config(html: str) -> dict:
    found = re.search(r"<script type=\"application/json\" data-calculator-config>(.*?)</script>", html)
    return json.loads(found.group(1))


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_every_output_reaches_the_page_with_its_display_kind(name):
    config = _config(forms.form_html(name, "en", "../../", "../../", 1))
    spec = calculators.schema(name)
    assert [o["name"] for o in config["outputs"]] == [o["name"] for o in spec["outputs"]]
    for output in config["outputs"]:
        assert output["label"] and output["display"]["kind"]
        # one language only on the page
        assert '"zh":' not in json.dumps(output["display"], ensure_ascii=False)


def test_the_outlet_checkboxes_come_from_rules_toml():
    # The rules in force on the build's date: rules.toml with the amendments in force.
    from calculators import _data
    from handbook import edition
    rules = _data.rules_on(edition.as_of())
    html = forms.form_html("rewards", "zh", "../../", "../../", 1)
    offered = re.findall(r'<input type="checkbox" [^>]*value="([^"]+)" data-item-field="outlets"', html)
    expected = []
    for code, level in rules["rewards"]["levels"].items():
        shown = [o for o in level["outlets"] if o not in level.get("aliases", [])]
        expected += shown + ([code] if len(shown) > 1 else [])
        assert f"<strong>每篇{level['reward']}元</strong>" in html
    assert offered == [forms._e(o) for o in expected]
    assert set(rules["rewards"]["levels"]["municipal"]["aliases"]) <= set(
        rules["rewards"]["levels"]["municipal"]["outlets"])


def test_a_fixed_input_is_sent_not_asked():
    html = forms.form_html("meeting_calendar", "zh", "../../", "../../", 1)
    assert 'data-field="ics"' not in html and _config(html)["fixed"] == {"ics": True}
    en = forms.form_html("meeting_calendar", "en", "../../", "../../", 1)
    assert re.search(r'<option value="en" selected>', en)   # the page's language


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_every_form_has_the_rules_date_field_with_its_hint(name):
    zh = forms.form_html(name, "zh", "../../", "../../", 1)
    en = forms.form_html(name, "en", "../../", "../../", 1)
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


def _forget_amendments() -> None:
    from calculators import _amendments, _data
    _amendments._cached.cache_clear()
    _data._VERSIONS.clear()
    _data._HISTORY.clear()


@pytest.mark.parametrize("day,rate", [("2027-12-31", "每篇2000元"), ("2028-01-01", "每篇3000元")])
def test_the_form_quotes_the_rules_in_force_on_the_build_date(tmp_path, monkeypatch, day, rate):
    from handbook.clauses import original_table
    _, clauses = original_table()
    text = clauses["c13-2"].zh.replace("国家级刊物每篇奖励2000元", "国家级刊物每篇奖励3000元")
    (tmp_path / "2028-01-01-rates.toml").write_text(
        'title_zh = "关于调整奖励标准的决定"\nin_force = 2028-01-01\n'
        f'[[changes]]\nclause = "c13-2"\naction = "replace"\nzh = "{text}"\n', encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(tmp_path))
    monkeypatch.setenv("HANDBOOK_AS_OF", day)
    _forget_amendments()
    try:
        html = forms.form_html("rewards", "zh", "../../", "../../", 1)
        assert f"<strong>{rate}</strong>" in html
    finally:
        monkeypatch.undo()
        _forget_amendments()
