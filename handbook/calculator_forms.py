"""The in-page calculators' forms, made from `calculators.schema(NAME)` (the same
package the browser runs through Pyodide, so fields, bounds and options cannot
drift from the rules), in the page's language.

`embed(html, url, lang)` puts them into a built page: each `<!-- calculator: NAME -->`
comment becomes its form, and a page with a form gets the calculator script: a tiny
inline script first in <head> (the same bytes on every page, one CSP hash) defines
how to start the Pyodide worker, and starts it at once only when the URL pre-fills a
field of the page (the reader waits for that answer); otherwise `calculators.js`
starts it when a form comes into view or is used (on a print page: only when used).
Other pages load nothing. The page is read with html.parser (handbook/markup.py),
and only the comments and two places in <head> change.

URLs are relative, so the site works under any prefix: the language root (for
clause links, e.g. ../../ch12/#c12-8) and the site root (for the single shared copy
of assets/pyodide/ and the scripts). Plain functions: no MkDocs here.
"""
from __future__ import annotations

import html
import itertools
import json
import re

import calculators
from calculators import _messages as calculators_messages
from handbook import clauses as extractor
from handbook import edition
from handbook.citations import cite_in_page
from handbook.glossary import hints as glossary_hints
from handbook.markup import StartTags, splice


# `<!-- calculator: NAME -->` on a line of its own, in a page's Markdown.
SHORTCODE = re.compile(r"^[ \t]*<!--\s*calculator:\s*([^\s>]*)\s*-->[ \t]*$", re.M)


class FormError(ValueError):
    """An unknown calculator named in a page."""


def calculator_name(comment: str) -> str | None:
    """"calculator: quorum" (a comment's text) → "quorum"; None for other comments."""
    head, sep, name = comment.strip().partition(":")
    return name.strip() if sep and head.strip() == "calculator" else None


def check(name: str) -> dict:
    spec = _schema(name)
    if spec is None:
        raise FormError(f"unknown calculator {name!r} in a calculator shortcode; "
                        f"known: {', '.join(calculators.CALCULATORS)}")
    return spec


def _cited_ids(spec: dict) -> list:
    """The clauses a calculator may cite, and every clause its explanations mention."""
    ids = list(spec["clauses"])
    for key, (zh, en) in calculators_messages.NOTES.items():
        if not key.startswith(spec["name"] + "."):
            continue
        for cid in (m.group(0) for m in extractor.ID_IN_TEXT.finditer(zh + en)):
            if cid not in ids:
                ids.append(cid)
    return ids


def _clause_labels(ids, lang: str, day=None) -> dict:
    """Each clause a calculator may cite, named as the citation format names it on
    `day` (its printed number then: a renumbered clause is cited by its new one)."""
    _, by_id = extractor.table(day)
    return {cid: cite_in_page(by_id[cid], by_id, lang) for cid in ids if cid in by_id}

ASSET_JS = "assets/javascripts/calculators/calculators.js"
ASSET_WORKER = "assets/javascripts/calculators/worker.js"
ASSET_CSS = "assets/stylesheets/calculators.css"

UI = {
    "zh": {
        "loading": "正在加载计算引擎…",
        "step_download": "正在加载计算引擎（第 1/3 步）：下载计算程序（{loaded} MB / {total} MB）…",
        "step_download_unknown": "正在加载计算引擎（第 1/3 步）：下载计算程序（已下载 {loaded} MB）…",
        "step_start": "正在加载计算引擎（第 2/3 步）：启动计算程序…",
        "step_package": "正在加载计算引擎（第 3/3 步）：载入本手册的计算规则…",
        "step_fallback": "正在加载计算引擎：快速启动未成功，已改用常规方式启动，需多等几秒…",
        "stalled": "计算引擎已有 {seconds} 秒没有进展（没有收到数据）。请检查网络连接后刷新本页；如仍不行，请换用其他浏览器或联系网站管理员。条文内容不受影响，可直接阅读上方条款；如加载恢复，结果仍会自动显示。",
        "ready": "计算引擎已就绪。",
        "computing": "正在计算…",
        "failed": "计算引擎未能加载：浏览器未能启动计算程序。请刷新本页，或换用新版 Chrome、Edge、Firefox 浏览器。条文内容不受影响，可直接阅读上方条款。",
        "missing": "计算引擎未能加载：有文件未能从服务器取得（网络中断，或网站缺少文件）。请检查网络后刷新本页；如仍不行，请联系网站管理员。条文内容不受影响，可直接阅读上方条款。",
        "no_wasm": "此浏览器无法运行计算器（不支持或已关闭 WebAssembly）。请换用新版 Chrome、Edge 或 Firefox 浏览器。条文内容不受影响，可直接阅读上方条款。",
        "result": "详细结果",
        "clauses": "依据条款",
        "explanation": "说明",
        "yes": "是",
        "no": "否",
        "none": "无",
        "error_form": "输入有误：",
        "choose": "请选择",
        "share": "本页地址已包含所填内容，可直接复制分享。",
        "clause_link": "条款 {id}",
        "fill": "请填写带 * 号的项目，结果会随输入即时更新。",
        "optional": "{label}（可选）",
        "aside": "（{hint}）",
        "colon": "：",
    },
    "en": {
        "loading": "Loading the calculator engine…",
        "step_download": "Loading the calculator engine (step 1 of 3): downloading, {loaded} MB of {total} MB…",
        "step_download_unknown": "Loading the calculator engine (step 1 of 3): downloading, {loaded} MB so far…",
        "step_start": "Loading the calculator engine (step 2 of 3): starting…",
        "step_package": "Loading the calculator engine (step 3 of 3): loading the handbook's rules…",
        "step_fallback": "Loading the calculator engine: the quick start did not work, so it is starting the usual way; this takes a few seconds longer…",
        "stalled": "The calculator engine has made no progress for {seconds} s (no data received). Check the network connection, then reload the page; if that does not help, try another browser or tell the site's administrator. The clauses are unaffected; read them above. If loading resumes, the result will still appear.",
        "ready": "The calculator engine is ready.",
        "computing": "Calculating…",
        "failed": "The calculator engine could not start in this browser. Reload the page, or use a recent Chrome, Edge or Firefox. The clauses are unaffected; read them above.",
        "missing": "The calculator engine could not be loaded: a file could not be fetched from the server (the network is down, or the site lacks a file). Check the network and reload the page; if that does not help, tell the site's administrator. The clauses are unaffected; read them above.",
        "no_wasm": "This browser cannot run the calculators (WebAssembly is unsupported or turned off). Use a recent Chrome, Edge or Firefox. The clauses are unaffected; read them above.",
        "result": "Details",
        "clauses": "Clauses applied",
        "explanation": "Explanation",
        "yes": "Yes",
        "no": "No",
        "none": "none",
        "error_form": "Input error:",
        "choose": "Choose",
        "share": "This page's address now holds your inputs; copy it to share the answer.",
        "clause_link": "clause {id}",
        "fill": "Fill in the fields marked *; the result updates as you type.",
        "optional": "{label} (optional)",
        "aside": " ({hint})",
        "colon": ": ",
    },
}


def _segments(url: str) -> list:
    parts = [part for part in (url or "").split("/") if part]
    # use_directory_urls: "ch12/" is one level deep; a file URL "x/y.html" is one too.
    return parts if (url or "").endswith("/") or not parts else parts[:-1]


def prefixes(url: str, lang: str) -> tuple[str, str]:
    """(language root, site root), relative to the page. Pages of a non-default
    language have URLs under "<lang>/" (mkdocs-static-i18n folder structure)."""
    parts = _segments(url)
    site_root = "../" * len(parts)
    inner = parts[1:] if lang != "zh" and parts[:1] == [lang] else parts
    lang_root = "../" * len(inner)
    if lang != "zh" and parts[:1] != [lang]:  # URL without the language folder
        site_root += "../"
    return lang_root or "./", site_root or "./"


def _schema(name: str, day=None):
    """The schema the form is built from: its words quote the rules in force on the
    build's date (the rewards' rates, the reasons' number of days...), or on `day`."""
    return calculators.schema(name, day or edition.as_of())


# ------------------------------------------------------------- words by date
# The form's words that quote a rule (a rate in a label, a threshold in a hint, an
# output's label) follow the date the form is set to, not only the build's: the
# build writes the form as of its own date and, for each other version of the rules,
# the words that differ. calculators.js puts them in when the form's date changes.

def version_days() -> list:
    """The first day of each version of the rules: date.min (as issued) and every
    amendment's in-force date."""
    from datetime import date as _date
    from calculators import _amendments
    return [_date.min] + sorted({a.in_force for a in _amendments.amendments()})


def _version_of(day, days):
    return max(d for d in days if d <= day)


_TOKENS = re.compile(r"(<[^>]*>)")


def _text_tokens(markup: str) -> tuple[list[str], list[str]]:
    """(the tags in order, the non-empty texts between them in order): the texts are
    the DOM's text nodes of the markup, in document order."""
    parts = _TOKENS.split(markup)
    return parts[1::2], [html.unescape(t) for t in parts[0::2] if t]


def dated_texts(base_markup: str, markups: dict) -> dict:
    """{"days": [...], "groups": [{"": words, day: words, ...}, ...]}: each text of the
    base markup whose words differ in another version's markup, with its words in each
    version ("" is the version the base shows). The page puts them in wherever the
    text stands, in the form and in the rows it adds (an article's outlets), so a text
    is known by its words: words that stand for two different texts in another version
    are left out, as is a version whose markup has another shape (a field or option
    more or less); the form keeps the base's words then."""
    base_tags, base_texts = _text_tokens(base_markup)
    groups: dict[str, dict] = {}
    days = []
    clash = set()
    for day, markup in markups.items():
        tags, texts = _text_tokens(markup)
        if tags != base_tags or len(texts) != len(base_texts):
            continue
        days.append(day)
        for old, new in zip(base_texts, texts):
            if old == new and old not in groups:
                continue
            group = groups.setdefault(old, {"": old})
            if group.get(day, new) != new:
                clash.add(old)
            group[day] = new
    kept = [g for old, g in groups.items() if old not in clash]
    # Every version's words for a kept text, else the base's (the text did not change).
    for g in kept:
        for day in days:
            g.setdefault(day, g[""])
    seen: dict[str, int] = {}
    for i, g in enumerate(kept):
        for words in set(g.values()):
            seen[words] = seen.get(words, 0) + 1
    kept = [g for g in kept if all(seen[w] == 1 for w in set(g.values()))]
    return {"days": days, "groups": kept}


# ------------------------------------------------------------- form HTML

def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _label(obj: dict, lang: str) -> str:
    return obj.get(f"label_{lang}") or obj["name"]


def _option_text(field: dict, option: str, lang: str) -> str:
    labels = field.get("option_labels", {})
    return labels[option][lang] if option in labels else option


def _num(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# The same mark for a required input in every form (the hint "fill in the * fields").
_REQUIRED = ' <span class="calc-required" aria-hidden="true">*</span>'


def _error_p(fid: str) -> str:
    return f'<p class="calc-error" id="{fid}-error" data-error-for="{fid}" hidden></p>'


def _term_hints(field: dict, lang: str) -> str:
    """Short glossary hints for the terms a newcomer meets among the options, e.g.
    直系亲属：本制度未作界定，有两种理解…… An option gets a hint when a glossary term
    makes up at least half of its label (so 本办干部本人 gets none for 本办)."""
    labels = field.get("option_labels", {})
    shown = []
    for option in field.get("options", ()):
        label_zh = labels.get(option, {}).get("zh", option)
        found = [(term, hint) for term, hint in glossary_hints("zh", label_zh)]
        if not found:
            continue
        term_zh = max((t for t, _ in found), key=len)
        if 2 * len(term_zh) < len(label_zh):
            continue
        for term, hint in glossary_hints(lang, term_zh):
            if (term, hint) not in shown and (lang != "zh" or term == term_zh):
                shown.append((term, hint))
    if not shown:
        return ""
    colon = "：" if lang == "zh" else ": "
    items = "".join(f"<li><strong>{_e(term)}</strong>{colon}{_e(hint)}</li>" for term, hint in shown)
    return f'<ul class="calc-term-hints">{items}</ul>'


def _display(field: dict) -> dict:
    """How the schema says to show a field (calculators/_validate.py Field.display)."""
    return field.get("display", {})


def _localized(node, lang: str):
    """A schema display with every {"zh", "en"} text replaced by the page's language."""
    if isinstance(node, dict):
        if set(node) == {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
            return node[lang]
        return {key: _localized(value, lang) for key, value in node.items()}
    if isinstance(node, list):
        return [_localized(value, lang) for value in node]
    return node


def _is_fixed(field: dict) -> bool:
    """An input the page sets itself and never asks for."""
    return _display(field).get("kind") == "fixed"


def _input_type(field: dict) -> str:
    return {"YYYY-MM-DD": "date", "YYYY-MM": "month"}.get(field.get("format"), "text")


def _format_attr(field: dict) -> str:
    """The format a date or month input expects. HTML allows no placeholder on these;
    where a browser has no such input it shows a text box (Firefox has no month
    input), and calculators.js then shows this format as the box's placeholder."""
    return f' data-format="{_e(field["format"])}"' if field.get("format") else ""


def _field_html(calc: str, field: dict, fid: str, lang: str) -> str:
    name, kind = field["name"], field["type"]
    if kind == "list" and field["items"]["type"] == "object":
        return _items_html(calc, field, fid, lang)
    if kind == "list":
        raise FormError(f"{calc}.{name}: a list of {field['items']['type']} "
                          "is shown only inside a list of objects")
    label = _e(_label(field, lang))
    required = field.get("required")
    req = " required" if required else ""
    marker = _REQUIRED if required else ""
    common = f'id="{fid}" name="{_e(name)}" data-field="{_e(name)}" aria-describedby="{fid}-error"'
    hint = _display(field).get("hint")
    hint_p = f'<p class="calc-field-hint" id="{fid}-hint">{_e(hint[lang])}</p>' if hint else ""
    if kind == "boolean":
        checked = " checked" if field.get("default") is True else ""
        return (f'<div class="calc-field calc-field--check">'
                f'<input type="checkbox" {common} value="true"{checked}>'
                f'<label for="{fid}">{label}</label>{hint_p}{_error_p(fid)}</div>')
    if "options" in field:
        default = lang if _display(field).get("kind") == "page_language" else field.get("default")
        opts = []
        if default is None and not required:
            opts.append(f'<option value="">{_e(UI[lang]["choose"])}</option>')
        for index, option in enumerate(field["options"]):
            selected = option == default or (default is None and required and index == 0)
            opts.append(f'<option value="{_e(option)}"{" selected" if selected else ""}>'
                        f'{_e(_option_text(field, option, lang))}</option>')
        # Its first option is chosen from the start, so the browser never finds it
        # empty: HTML allows `required` only with an empty first option; screen
        # readers still hear "required".
        aria_req = ' aria-required="true"' if required else ""
        return (f'<div class="calc-field"><label for="{fid}">{label}{marker}</label>'
                f'<select {common}{aria_req}>{"".join(opts)}</select>{_term_hints(field, lang)}'
                f'{hint_p}{_error_p(fid)}</div>')
    if kind in ("integer", "number"):
        attrs = []
        if "min" in field:
            attrs.append(f'min="{_num(field["min"])}"')
        if "max" in field:
            attrs.append(f'max="{_num(field["max"])}"')
        step = field.get("step", 1 if kind == "integer" else "any")
        attrs.append(f'step="{_num(step)}"')
        mode = "numeric" if kind == "integer" else "decimal"
        value = f' value="{_num(field["default"])}"' if "default" in field and not required else ""
        return (f'<div class="calc-field"><label for="{fid}">{label}{marker}</label>'
                f'<input type="number" inputmode="{mode}" {common} {" ".join(attrs)}{value}{req}>'
                f'{hint_p}{_error_p(fid)}</div>')
    return (f'<div class="calc-field"><label for="{fid}">{label}{marker}</label>'
            f'<input type="{_input_type(field)}" {common}{_format_attr(field)}{req}>{hint_p}{_error_p(fid)}</div>')


# ----------------------------------------------------- a list of objects
# Each item of a list of objects (rewards: the articles) is a fieldset cloned by the
# script from a <template>; "__N__" in its ids becomes the item's serial number.

def _item_error(mid: str, name: str) -> str:
    return f'<p class="calc-error" id="{mid}-error" data-item-error="{_e(name)}" hidden></p>'


def _choices_html(member: dict, mid: str, lang: str) -> str:
    """A list of options in an item: one checkbox each, in the groups the schema gives
    (rewards: the outlets by level, each headed by its rate), else in one group."""
    name, options = member["name"], member["items"]
    labels = options.get("option_labels", {})
    display = _display(member)
    groups = display.get("groups") or [{"options": options["options"]}]
    accepted = set(options["options"])
    colon = UI[lang]["colon"]
    boxes, serial = [], itertools.count()
    for group in groups:
        row = ['<div class="calc-group">']
        if "label" in group:
            lead = f'<strong>{_e(group["lead"][lang])}</strong>{colon}' if "lead" in group else ""
            row.append(f'<p class="calc-group__head">{lead}{_e(group["label"][lang])}</p>')
        for value in group["options"]:
            if value not in accepted:
                raise FormError(f"{name}: the group {group.get('name')!r} "
                                  f"offers {value!r}, which the contract does not accept")
            own = group.get("option_labels", {})
            text = own[value][lang] if value in own else (labels[value][lang] if value in labels else value)
            cid = f"{mid}-{next(serial)}"
            row.append(f'<span class="calc-choice"><input type="checkbox" id="{cid}" name="{_e(name)}" '
                       f'value="{_e(value)}" data-item-field="{_e(name)}">'
                       f'<label for="{cid}">{_e(text)}</label></span>')
        boxes.append("".join(row) + "</div>")
    hint = display.get("hint")
    aside = f'<span class="calc-hint">{_e(UI[lang]["aside"].format(hint=hint[lang]))}</span>' if hint else ""
    return (f'<fieldset class="calc-choices" data-item-choices="{_e(name)}" aria-describedby="{mid}-error">'
            f'<legend>{_e(_label(member, lang))}{aside}</legend>{"".join(boxes)}'
            f'{_item_error(mid, name)}</fieldset>')


def _member_html(member: dict, mid: str, lang: str) -> str:
    """One input of an item; an optional one says so ("月份（可选）")."""
    name, kind = member["name"], member["type"]
    if kind == "list" and "options" in member["items"]:
        return _choices_html(member, mid, lang)
    if kind not in ("string", "integer", "number") or "options" in member:
        raise FormError(f"{name}: a {kind} input is not offered inside a list")
    label = _label(member, lang)
    if not member.get("required"):
        label = UI[lang]["optional"].format(label=label)
    input_type = "number" if kind in ("integer", "number") else _input_type(member)
    return (f'<div class="calc-field"><label for="{mid}">{_e(label)}</label>'
            f'<input type="{input_type}" id="{mid}" name="{_e(name)}" data-item-field="{_e(name)}"'
            f'{_format_attr(member)} aria-describedby="{mid}-error">{_item_error(mid, name)}</div>')


def _items_html(calc: str, field: dict, fid: str, lang: str) -> str:
    """A list of objects: a <template> per item, cloned by the script, with the
    schema's words for one item, "add" and "remove"."""
    words = _display(field)
    missing = [key for key in ("item", "add", "remove") if key not in words]
    if missing:
        raise FormError(f"{calc}.{field['name']}: a list of objects needs "
                          f"{', '.join(missing)} in [fields.{field['name']}] of its messages file")
    members = "".join(_member_html(member, f"{fid}-__N__-{member['name']}", lang)
                      for member in field["items"]["fields"])
    legend = _e(words["item"][lang]).replace("{n}", "<span data-item-number></span>")
    template = (f'<fieldset class="calc-item" data-item><legend>{legend}</legend>{members}'
                f'<button type="button" class="md-button calc-remove" data-remove-item>'
                f'{_e(words["remove"][lang])}</button></fieldset>')
    return (f'<fieldset class="calc-items" data-field="{_e(field["name"])}" data-items '
            f'aria-describedby="{fid}-error">'
            f'<legend>{_e(_label(field, lang))}{_REQUIRED if field.get("required") else ""}</legend>'
            f'<template data-item-template>{template}</template>'
            f'<div data-item-list></div>'
            f'<button type="button" class="md-button calc-add" data-add-item>{_e(words["add"][lang])}</button>'
            f'{_error_p(fid)}</fieldset>')


def _versions(name: str, lang: str) -> tuple[list, dict]:
    """The first days of this calculator's versions of the rules (date.min: as
    issued), each with its schema: only the days on which its form or its outputs'
    words change, so that a decision touching other clauses is no version of its own
    (the page of that decision's date then shows the same form)."""
    days, specs, last = [], {}, None
    for day in version_days():
        spec = _schema(name, day)
        shape = ("".join(_fields_html(spec, name, lang, "x")), _outputs(spec, lang),
                 _clause_labels(_cited_ids(spec), lang, day))
        if shape != last:
            days.append(day)
            specs[day] = spec
            last = shape
    return days, specs


def _fields_html(spec: dict, name: str, lang: str, base: str) -> list[str]:
    return [_field_html(name, field, f"{base}-{field['name']}", lang)
            for field in spec["fields"] if not _is_fixed(field)]


def _outputs(spec: dict, lang: str) -> list:
    return [{"name": o["name"], "label": o[f"label_{lang}"],
             "display": _localized(o["display"], lang)} for o in spec["outputs"]]


def form_html(name: str, lang: str, lang_root: str, site_root: str, serial: int) -> str:
    spec = _schema(name)
    t = UI[lang]
    base = f"calc{serial}-{name}"
    fields = _fields_html(spec, name, lang, base)
    days, specs = _versions(name, lang)
    shown = _version_of(edition.as_of(), days)
    key = lambda d: "original" if d == days[0] else d.isoformat()  # noqa: E731
    others = {d: specs[d] for d in days if d != shown}
    dated = dated_texts("".join(fields), {
        key(d): "".join(_fields_html(other, name, lang, base)) for d, other in others.items()})
    outputs_by_day = {key(d): _outputs(other, lang) for d, other in others.items()
                      if _outputs(other, lang) != _outputs(spec, lang)}
    labels = _clause_labels(_cited_ids(spec), lang)
    labels_by_day = {key(d): _clause_labels(_cited_ids(other), lang, d) for d, other in others.items()}
    labels_by_day = {k: v for k, v in labels_by_day.items() if v != labels}
    config = {
        "name": name,
        "lang": lang,
        "langRoot": lang_root,
        "siteRoot": site_root,
        # A field's display kind, when it has one the script acts on ("today": the
        # browser's local date, set in the page, never at build time).
        "fields": [{**{k: f[k] for k in ("name", "type", "required", "default") if k in f},
                    **({"display": "today"} if _display(f).get("kind") == "today" else {})}
                   for f in spec["fields"]],
        "fixed": {f["name"]: _display(f)["value"] for f in spec["fields"] if _is_fixed(f)},
        # Each output with its label and display kind (calculators/_display.py), in
        # the page's language: the script renders by kind alone.
        "outputs": _outputs(spec, lang),
        # The words of other versions of the rules (see dated_texts): the form's own
        # text nodes by index, and the outputs' labels, by the first day of a version.
        "versions": [d.isoformat() for d in days if d != days[0]],
        "shownVersion": key(shown),
        "datedTexts": dated,
        "datedOutputs": outputs_by_day,
        # The input whose date chooses the rules when given (expenditure's date of
        # spending, annual leave's as-of date), as the calculator's answer does.
        "eventDate": calculators.event_date_field(name),
        # A preview build (HANDBOOK_AS_OF) starts the form's date at its own date.
        "previewDay": edition.preview_day(),
        "ui": t,
        "clauseLabels": labels,
        # The clauses' names by version: a renumbered clause is cited by the number
        # it prints on the day whose rules the answer applied (its as_of).
        "datedClauseLabels": labels_by_day,
    }
    # JSON inside <script>: "<" escaped so no "</script>" can close it early.
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    title = _e(spec[f"title_{lang}"])
    return (
        f'<div class="calc" data-calculator-widget>'
        f'<form class="calc-form" data-calculator="{_e(name)}" id="{base}" novalidate autocomplete="off" '
        f'aria-labelledby="{base}-title">'
        f'<p class="calc-title" id="{base}-title">{title}</p>'
        f'<script type="application/json" data-calculator-config>{data}</script>'
        f'<div class="calc-status" data-calculator-status role="status">'
        f'<progress data-calculator-progress aria-label="{_e(t["loading"])}"></progress>'
        f'<span data-calculator-status-text>{_e(t["loading"])}</span></div>'
        f'<div class="calc-fields">{"".join(fields)}</div>'
        f'<div class="calc-result" data-calculator-result aria-live="polite"></div>'
        f'</form></div>')


# The inline boot script: the same bytes on every page (one CSP hash); its data-*
# attributes carry the page's paths and field names. It defines
# window.__calculatorsStart(), which starts the engine once, and calls it at once only
# when the URL pre-fills one of the page's fields (the reader is waiting for that
# answer); otherwise calculators.js calls it when a form comes into view or is used,
# so a page whose calculators are never reached loads no engine.
#
# The worker's address names the engine's folder (?index=…), so that the engine starts
# as soon as its module has run (the page's "init" message then finds it started).
#
# The engine runs in a SharedWorker when the browser has one: the calculator pages
# share one running engine, which outlives a page (`extendedLifetime`), so the next
# calculator page answers without starting Python again. An engine made for another
# build (another snapshot, assets/pyodide/snapshot.json) answers "stale" with the
# current snapshot's sha256, and the page connects to the engine named after it
# instead. Without SharedWorker each page has its own dedicated Worker, and so does a
# browser under automation (navigator.webdriver): the DevTools protocol never sees a
# SharedWorker's script request finish (Chromium bug 851323, Playwright #7107), so a
# test tool's "network idle" would never come on a page that starts the engine. Either way
# __calculatorsStart() returns at once an object with postMessage/onmessage/terminate
# (messages are queued until the worker takes them, and kept in __buffer until
# calculators.js takes them).
BOOT_SCRIPT = (
    "(function(){var d=document.currentScript.dataset,e;"
    "window.__calculatorsStart=function(){if(e!==undefined)return e;e=null;"
    "try{if(typeof WebAssembly==='object'&&window.Worker){"
    "var i=new URL(d.pyodide,location.href).href,u=new URL(d.worker,location.href).href+'?index='+encodeURIComponent(i),q=[],p=null,t=null;"
    "var b=function(v){g({data:{type:'error',kind:'failed',message:String(v&&v.message||v||'worker error')}});};"
    "var c=function(n){t=null;"
    "if(window.SharedWorker&&!navigator.webdriver){try{t=new SharedWorker(u,{type:'module',name:n,extendedLifetime:true});p=t.port;}catch(x){t=null;}}"
    "if(!t){t=new Worker(u,{type:'module',name:'calculators'});p=t;}"
    "p.onmessage=g;t.onerror=b;p.postMessage({type:'init',indexURL:i});"
    "while(q.length)p.postMessage(q.shift());};"
    "var g=function(v){if(v.data&&v.data.type==='stale'){p.close();p=null;c('calculators '+v.data.sha256);return;}"
    "if(e.__buffer)e.__buffer.push(v);else if(e.onmessage)e.onmessage(v);};"
    "e={__buffer:[],postMessage:function(m){if(p)p.postMessage(m);else q.push(m);},"
    "terminate:function(){if(t&&t.terminate)t.terminate();else if(p)p.close();}};"
    "c('calculators');"
    "}}catch(x){e=null;}window.__calculatorsWorker=e;return e;};"
    "var q=new URLSearchParams(location.search),f=(d.fields||'').split(' ');"
    "if(d.start!=='use'&&f.some(function(n){return n&&q.has(n);}))window.__calculatorsStart();"
    "})();")


def _boot_tag(site_root: str, fields: list[str], start: str) -> str:
    """First thing in <head>: an inline script placed after a stylesheet would wait for
    it to load, and a prefilled calculator's engine should not wait for CSS."""
    worker = site_root + ASSET_WORKER
    pyodide = site_root + "assets/pyodide/"
    return (f'<script data-calculators-boot data-worker="{_e(worker)}" data-pyodide="{_e(pyodide)}" '
            f'data-fields="{_e(" ".join(fields))}" data-start="{start}">{BOOT_SCRIPT}</script>')


def _head_tags(site_root: str) -> str:
    return (
        f'<link rel="stylesheet" href="{site_root}{ASSET_CSS}">'
        f'<script type="module" src="{site_root}{ASSET_JS}"></script>')


def _fields(names) -> list[str]:
    out = []
    for name in names:
        for field in _schema(name)["fields"]:
            if not _is_fixed(field) and field["name"] not in out:
                out.append(field["name"])
    return out


def embed(output: str, url: str, lang: str) -> str:
    """The built page with its calculator comments made forms, and the calculator
    script in its <head> (unchanged when it has none)."""
    page = StartTags(output)
    body = next((t for t in page.tags if t.name == "body"), None)
    found = [(c, calculator_name(c.data)) for c in page.comments
             if body is not None and c.start > body.start]
    found = [(c, name) for c, name in found if name is not None]
    if not found:
        return output
    for _, name in found:
        check(name)
    lang_root, site_root = prefixes(url, lang)
    serial = itertools.count(1)
    edits = [(c.start, c.end, form_html(name, lang, lang_root, site_root, next(serial)))
             for c, name in found]
    # A print page (the whole handbook in one page) starts the engine only when a form
    # is used, never because it scrolled into view.
    start = "use" if "print" in _segments(url) else "view"
    boot = _boot_tag(site_root, _fields(name for _, name in found), start)
    charset = next((t for t in page.tags if t.name == "meta" and "charset" in t.attrs), None)
    head = next(t for t in page.tags if t.name == "head")
    at = charset.end if charset else head.end     # the charset must stay in the first 1024 bytes
    edits.append((at, at, boot))
    head_end = page.end_tags["head"][0]
    edits.append((head_end, head_end, _head_tags(site_root)))
    return splice(output, edits)
