"""In-page calculators: `<!-- calculator: NAME -->` in the Markdown becomes a form.

The form is generated from `calculators.schema(NAME)`, the same package the
browser runs through Pyodide, so fields, bounds and options cannot drift from
the rules. Labels come in the language being built (`config.theme['language']`,
'zh' or 'en'). An unknown NAME fails the build.

Only pages with a form get the calculator script: a tiny inline script in
<head> (the same bytes on every page, one CSP hash) defines how to start the
Pyodide worker, and starts it at once only when the URL pre-fills a field of
the page (the reader waits for that answer); otherwise `calculators.js` starts
it when a form comes into view or is used (on a print page: only when used).
Other pages load nothing.

URLs are relative, so the site works under any prefix: the language root
(for clause links, e.g. ../../ch12/#c12-8) and the site root (for the single
shared copy of assets/pyodide/ and the scripts).
"""
from __future__ import annotations

import html
import itertools
import json
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import calculators  # noqa: E402  (the package under test, from the repository)
from calculators import _messages as calculators_messages  # noqa: E402
from calculators import rewards as rewards_rules  # noqa: E402
from handbook import clauses as extractor  # noqa: E402
from handbook.citations import cite_in_page  # noqa: E402
from handbook.glossary import hints as glossary_hints  # noqa: E402



def _cited_ids(spec: dict) -> list:
    """The clauses a calculator may cite, and every clause its explanations mention."""
    ids = list(spec["clauses"])
    for zh, en in calculators_messages.NOTES.values():
        for cid in re.findall(r"\bc\d+-\d+(?:-\d+)?\b", zh + en):
            if cid not in ids:
                ids.append(cid)
    return ids


def _clause_labels(ids, lang: str) -> dict:
    """Each clause a calculator may cite, named as the citation format names it."""
    _, by_id = extractor.table()
    return {cid: cite_in_page(by_id[cid], by_id, lang) for cid in ids if cid in by_id}

SHORTCODE = re.compile(r"^[ \t]*<!--\s*calculator:\s*([^\s>]*)\s*-->[ \t]*$", re.M)
RENDERED = re.compile(r"<!--\s*calculator:\s*([^\s>]*)\s*-->")
ASSET_JS = "assets/javascripts/calculators/calculators.js"
ASSET_WORKER = "assets/javascripts/calculators/worker.js"
ASSET_CSS = "assets/stylesheets/calculators.css"

# Outlet spellings the contract accepts but that would only repeat another
# checkbox (quotes, book-title marks, or a level already offered by its code).
HIDDEN_OUTLETS = {"区“两办”", '区"两办"', "区两办", "《张家界日报》"}
# Inputs the widget sets itself rather than asking for.
HIDDEN_FIELDS = {("meeting_calendar", "ics")}

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
        "not_taken": "未被采用",
        "clauses": "依据条款",
        "explanation": "说明",
        "yes": "是",
        "no": "否",
        "none": "无",
        "add_article": "添加稿件",
        "remove_article": "删除此稿件",
        "article": "稿件{n}",
        "outlets_hint": "（可多选；写了但没有媒体采用的稿件不勾选，也计入当月）",
        "month_optional": "月份（可选）",
        "download_ics": "下载日历文件 {file}",
        "error_form": "输入有误：",
        "choose": "请选择",
        "share": "本页地址已包含所填内容，可直接复制分享。",
        "level": "档次",
        "clause_link": "条款 {id}",
        "fill": "请填写带 * 号的项目，结果会随输入即时更新。",
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
        "not_taken": "not taken by any outlet",
        "clauses": "Clauses applied",
        "explanation": "Explanation",
        "yes": "Yes",
        "no": "No",
        "none": "none",
        "add_article": "Add an article",
        "remove_article": "Remove this article",
        "article": "Article {n}",
        "outlets_hint": " (tick every outlet that ran it; leave all unticked for an article no outlet took: it still counts for its month)",
        "month_optional": "Month (optional)",
        "download_ics": "Download the calendar file {file}",
        "error_form": "Input error:",
        "choose": "Choose",
        "share": "This page's address now holds your inputs; copy it to share the answer.",
        "level": "level",
        "clause_link": "clause {id}",
        "fill": "Fill in the fields marked *; the result updates as you type.",
    },
}

# Readable words for coded output values (presentation only). The wording lives
# in the calculators' messages module, beside every other word they show.
VALUE_LABELS = calculators_messages.VALUE_LABELS


def _lang(config) -> str:
    lang = str(config.theme.get("language") or "zh")
    return "en" if lang.startswith("en") else "zh"


def _segments(url: str) -> list:
    parts = [part for part in (url or "").split("/") if part]
    # use_directory_urls: "ch12/" is one level deep; a file URL "x/y.html" is one too.
    return parts if (url or "").endswith("/") or not parts else parts[:-1]


def _prefixes(page, config, lang: str) -> tuple[str, str]:
    """(language root, site root), relative to the page. Pages of a non-default
    language have URLs under "<lang>/" (mkdocs-static-i18n folder structure)."""
    parts = _segments(page.url)
    site_root = "../" * len(parts)
    inner = parts[1:] if lang != "zh" and parts[:1] == [lang] else parts
    lang_root = "../" * len(inner)
    if lang != "zh" and parts[:1] != [lang]:  # URL without the language folder
        site_root += "../"
    return lang_root or "./", site_root or "./"


def _check(name: str, page) -> dict:
    spec = calculators.schema(name)
    if spec is None:
        raise PluginError(
            f"{page.file.src_uri}: unknown calculator {name!r} in a calculator shortcode; "
            f"known: {', '.join(calculators.CALCULATORS)}")
    return spec


def on_page_markdown(markdown, page, config, files):
    for match in SHORTCODE.finditer(markdown):
        _check(match.group(1), page)
    return markdown


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
    直系亲属：直系血亲，如父母、子女…… An option gets a hint when a glossary term
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


def _field_html(calc: str, field: dict, fid: str, lang: str) -> str:
    name, kind = field["name"], field["type"]
    label = _e(_label(field, lang))
    required = field.get("required")
    req = " required" if required else ""
    marker = _REQUIRED if required else ""
    common = f'id="{fid}" name="{_e(name)}" data-field="{_e(name)}" aria-describedby="{fid}-error"'
    hint = calculators_messages.FIELD_HINTS.get((calc, name))
    hint_p = (f'<p class="calc-field-hint" id="{fid}-hint">{_e(hint[lang == "en"])}</p>'
              if hint else "")
    if kind == "boolean":
        checked = " checked" if field.get("default") is True else ""
        return (f'<div class="calc-field calc-field--check">'
                f'<input type="checkbox" {common} value="true"{checked}>'
                f'<label for="{fid}">{label}</label>{hint_p}{_error_p(fid)}</div>')
    if "options" in field:
        default = field.get("default")
        if calc == "meeting_calendar" and name == "lang":
            default = lang
        opts = []
        if default is None and not required:
            opts.append(f'<option value="">{_e(UI[lang]["choose"])}</option>')
        for index, option in enumerate(field["options"]):
            selected = option == default or (default is None and required and index == 0)
            opts.append(f'<option value="{_e(option)}"{" selected" if selected else ""}>'
                        f'{_e(_option_text(field, option, lang))}</option>')
        return (f'<div class="calc-field"><label for="{fid}">{label}{marker}</label>'
                f'<select {common}{req}>{"".join(opts)}</select>{_term_hints(field, lang)}'
                f'{_error_p(fid)}</div>')
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
                f'{_error_p(fid)}</div>')
    fmt = field.get("format")
    input_type = {"YYYY-MM-DD": "date", "YYYY-MM": "month"}.get(fmt, "text")
    placeholder = f' placeholder="{_e(fmt)}"' if fmt else ""
    return (f'<div class="calc-field"><label for="{fid}">{label}{marker}</label>'
            f'<input type="{input_type}" {common}{placeholder}{req}>{hint_p}{_error_p(fid)}</div>')


# English names for the outlets the rules name in Chinese (following c13-2's
# English); the value sent to the calculator stays the Chinese name of the
# contract, shown in brackets after the English.
OUTLET_NAMES_EN = calculators_messages.OUTLET_NAMES_EN


def _tiers(field: dict, lang: str) -> list:
    """The outlets by tier, each tier with its reward (c13-2's rate table): the outlets
    the rules name, then, where the rules say 等 or 以上, "another outlet at this
    level" (the level code). A tier the rules name by one outlet only shows that
    outlet, so no two checkboxes mean the same thing."""
    options = field["items"]["fields"][0]["items"]
    accepted = set(options["options"])
    for hidden in HIDDEN_OUTLETS:
        if hidden not in accepted:
            raise PluginError(f"calculators_embed: outlet spelling {hidden!r} left the contract")
    codes = options.get("option_labels", {})
    tiers = []
    for code, table in rewards_rules.LEVELS.items():
        named = [o for o in table["outlets"] if o not in HIDDEN_OUTLETS]
        boxes = [(o, o if lang == "zh" else (f"{OUTLET_NAMES_EN[o]} ({o})" if o in OUTLET_NAMES_EN
                                             else f"{codes[code]['en']} ({o})"))
                 for o in named]
        if len(named) > 1:
            boxes.append((code, calculators_messages.OTHER_OUTLET[code][lang == "en"]))
        name = calculators_messages.TIER_NAMES[code][lang == "en"]
        tiers.append((table["reward"], name, boxes))
    return tiers


def _articles_html(calc: str, field: dict, fid: str, lang: str) -> str:
    """The rewards article list: a <template> per article, cloned by the script."""
    item = field["items"]
    outlets_field, month_field = item["fields"][0], item["fields"][1]
    t = UI[lang]
    boxes = []
    index = itertools.count()
    for reward, tier, outlets in _tiers(field, lang):
        rate = f"每篇{reward}元" if lang == "zh" else f"{reward} yuan an article"
        row = [f'<div class="calc-tier"><p class="calc-tier__head"><strong>{_e(rate)}</strong>'
               f'{"：" if lang == "zh" else ": "}{_e(tier)}</p>']
        for value, text in outlets:
            i = next(index)
            row.append(
                f'<span class="calc-outlet"><input type="checkbox" id="{fid}-__N__-o{i}" '
                f'name="outlets" value="{_e(value)}" data-article-field="outlets">'
                f'<label for="{fid}-__N__-o{i}">{_e(text)}</label></span>')
        boxes.append("".join(row) + "</div>")
    template = (
        f'<fieldset class="calc-article" data-article>'
        f'<legend>{_e(t["article"]).replace("{n}", "<span data-article-number></span>")}</legend>'
        f'<fieldset class="calc-outlets" aria-describedby="{fid}-__N__-outlets-error">'
        f'<legend>{_e(_label(outlets_field, lang))}<span class="calc-hint">{_e(t["outlets_hint"])}</span></legend>'
        f'{"".join(boxes)}'
        f'<p class="calc-error" id="{fid}-__N__-outlets-error" data-article-error="outlets" hidden></p>'
        f'</fieldset>'
        f'<div class="calc-field"><label for="{fid}-__N__-month">{_e(t["month_optional"])}</label>'
        f'<input type="month" id="{fid}-__N__-month" name="month" data-article-field="month" '
        f'placeholder="YYYY-MM" aria-describedby="{fid}-__N__-month-error">'
        f'<p class="calc-error" id="{fid}-__N__-month-error" data-article-error="month" hidden></p></div>'
        f'<button type="button" class="md-button calc-remove" data-remove-article>{_e(t["remove_article"])}</button>'
        f'</fieldset>')
    return (f'<fieldset class="calc-articles" data-field="articles" data-articles '
            f'aria-describedby="{fid}-error">'
            f'<legend>{_e(_label(field, lang))}{_REQUIRED if field.get("required") else ""}</legend>'
            f'<template data-article-template>{template}</template>'
            f'<div data-article-list></div>'
            f'<button type="button" class="md-button calc-add" data-add-article>{_e(t["add_article"])}</button>'
            f'{_error_p(fid)}</fieldset>')


def form_html(name: str, lang: str, lang_root: str, site_root: str, serial: int) -> str:
    spec = calculators.schema(name)
    t = UI[lang]
    base = f"calc{serial}-{name}"
    fields = []
    for field in spec["fields"]:
        if (name, field["name"]) in HIDDEN_FIELDS:
            continue
        fid = f"{base}-{field['name']}"
        if field["type"] == "list" and field["name"] == "articles":
            fields.append(_articles_html(name, field, fid, lang))
        else:
            fields.append(_field_html(name, field, fid, lang))
    config = {
        "name": name,
        "lang": lang,
        "langRoot": lang_root,
        "siteRoot": site_root,
        "fields": [{k: f[k] for k in ("name", "type", "required", "default") if k in f}
                   for f in spec["fields"]],
        "fixed": {"ics": True} if name == "meeting_calendar" else {},
        "outputs": {o["name"]: o[f"label_{lang}"] for o in spec["outputs"]},
        "values": {key[1]: {code: labels[lang == "en"] for code, labels in table.items()}
                   for key, table in VALUE_LABELS.items() if key[0] == name},
        "ui": t,
        "clauseLabels": _clause_labels(_cited_ids(spec), lang),
        "outletNames": ({o: f"{OUTLET_NAMES_EN[o]} ({o})" for o in OUTLET_NAMES_EN}
                        if name == "rewards" and lang == "en" else {}),
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
# window.__calculatorsStart(), which creates the engine's worker once, and calls it at
# once only when the URL pre-fills one of the page's fields (the reader is waiting for
# that answer); otherwise calculators.js calls it when a form comes into view or is
# used, so a page whose calculators are never reached loads no engine.
BOOT_SCRIPT = (
    "(function(){var d=document.currentScript.dataset,w;"
    "window.__calculatorsStart=function(){if(w!==undefined)return w;w=null;"
    "try{if(typeof WebAssembly==='object'&&window.Worker){"
    "w=new Worker(new URL(d.worker,location.href).href,{type:'module',name:'calculators'});"
    "w.__buffer=[];w.onmessage=function(e){w.__buffer&&w.__buffer.push(e);};"
    "w.onerror=function(e){w.__buffer&&w.__buffer.push({data:{type:'error',kind:'failed',message:String(e.message||'worker error')}});};"
    "w.postMessage({type:'init',indexURL:new URL(d.pyodide,location.href).href});"
    "}}catch(e){w=null;}window.__calculatorsWorker=w;return w;};"
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
        for field in calculators.schema(name)["fields"]:
            if (name, field["name"]) not in HIDDEN_FIELDS and field["name"] not in out:
                out.append(field["name"])
    return out


def on_post_page(output, page, config):
    names = RENDERED.findall(output.split("<body", 1)[-1])
    if not names:
        return output
    lang = _lang(config)
    lang_root, site_root = _prefixes(page, config, lang)
    for name in names:
        _check(name, page)

    counter = itertools.count(1)

    def render(match):
        return form_html(match.group(1), lang, lang_root, site_root, next(counter))

    head, body = output.split("<body", 1)
    body = RENDERED.sub(render, body)
    # A print page (the whole handbook in one page) starts the engine only when a form
    # is used, never because it scrolled into view.
    start = "use" if "print" in _segments(page.url) else "view"
    boot = _boot_tag(site_root, _fields(names), start)
    charset = re.search(r"<meta charset=[^>]*>", head)  # must stay in the first 1024 bytes
    if charset:
        head = head[:charset.end()] + boot + head[charset.end():]
    else:
        head = re.sub(r"<head(\s[^>]*)?>", lambda m: m.group(0) + boot, head, count=1)
    head = head.replace("</head>", _head_tags(site_root) + "</head>", 1)
    return head + "<body" + body
