// In-page calculators: wires every <form data-calculator="NAME"> on the page to the
// Pyodide worker, renders results, field errors and clause links, and keeps the
// inputs in the URL query string.
//
// The engine starts only when it is needed (nothing is downloaded before): at once
// when the URL pre-fills a calculator (the inline script in <head> has then already
// started it, window.__calculatorsStart), otherwise when a form comes into view or is
// used. Its progress is shown in steps, with the bytes downloaded; "no progress" is
// said only after STALL_MS without a byte or a step, and it never stops the engine.
// The engine may be shared with the other calculator pages (a SharedWorker, see
// handbook/calculator_forms.py): it is then "ready" at once, by way of "running".
//
// URL format (shareable): the contract's input keys, e.g. ?members=12&present=8.
// Booleans are written as "true" (absent = false). A list of objects (the rewards
// articles) is one key holding compact JSON:
// ?articles=[{"outlets":["红网手机报"],"month":"2027-01"}].
// Values from the URL are handed to the contract as typed as they can be ("12" -> 12,
// "abc" stays "abc"), so an invalid value gets the contract's own field error.
// Nothing from the URL or the engine is ever inserted as HTML: textContent only.
//
// Nothing here is about one calculator: the form comes from the schema (the build
// writes it), and each figure is shown by the display kind its schema declares
// (display.js).

import { countLines, fileOf, recordLines, tableOf, text } from "./display.js";

import { clauseUrl } from "../site.js";
import { typed } from "./url-inputs.js";

const STALL_MS = 15000;
let worker = null;
let forms = [];
let engineState = "idle"; // idle | loading | slow | ready | failed
let nextId = 1;
const pending = new Map();

function setUp(form) {
  const config = JSON.parse(form.querySelector("script[data-calculator-config]").textContent);
  const widget = {
    form,
    config,
    status: form.querySelector("[data-calculator-status]"),
    statusText: form.querySelector("[data-calculator-status-text]"),
    result: form.querySelector("[data-calculator-result]"),
    overrides: new Map(), // field -> raw value from the URL that no control can hold
    fromUrl: new Set(),
    touched: new Set(),
    inFlight: false,
    queued: false,
    blobUrls: [],
    lists: new Map(),  // field -> its list of objects (rows cloned from a <template>)
  };
  showFormats(form);
  for (const box of form.querySelectorAll("[data-items]")) setUpItems(widget, box);
  setTodays(widget);
  prefill(widget);
  applyDated(widget);
  form.addEventListener("input", (e) => changed(widget, e.target));
  form.addEventListener("change", (e) => changed(widget, e.target));
  form.addEventListener("submit", (e) => { e.preventDefault(); compute(widget); });
  return widget;
}

// ------------------------------------------------------------------ fields

// A date or month input the browser does not have is a text box (Firefox has no
// month input): it shows the format expected (HTML allows no placeholder on the
// input the build writes).
function showFormats(root) {
  for (const el of root.querySelectorAll("input[data-format]")) {
    if (el.type === "text") el.placeholder = el.dataset.format;
  }
}

function fieldSpec(widget, name) {
  return widget.config.fields.find((f) => f.name === name);
}

function control(widget, name) {
  return widget.form.querySelector(`[data-field="${CSS.escape(name)}"]`);
}

function fieldOf(target) {
  const holder = target.closest("[data-field]");
  return holder ? holder.getAttribute("data-field") : null;
}

function changed(widget, target) {
  const name = fieldOf(target);
  if (target.type === "date" || target.type === "month" || /^\d{4}-/.test(target.value || "")) applyDated(widget);
  if (name) {
    widget.overrides.delete(name);
    widget.touched.add(name);
  }
  writeUrl(widget);
  compute(widget);
}

function readInputs(widget) {
  const inputs = { ...widget.config.fixed };
  for (const spec of widget.config.fields) {
    const name = spec.name;
    if (name in widget.config.fixed) continue;
    if (widget.overrides.has(name)) { inputs[name] = widget.overrides.get(name); continue; }
    if (widget.lists.has(name)) { inputs[name] = readItems(widget.lists.get(name)); continue; }
    const el = control(widget, name);
    if (!el) continue;
    if (el.type === "checkbox") {
      if (el.checked) inputs[name] = true;
    } else if (el.type === "number") {
      if (el.value !== "") inputs[name] = Number(el.value);
      else if (el.validity && el.validity.badInput) inputs[name] = "";
    } else if (el.value !== "") {
      inputs[name] = el.value;
    }
  }
  return inputs;
}

// ------------------------------------------------------- a list of objects
// Each item is a fieldset cloned from the build's <template>: checkboxes (a list of
// options, data-item-field on each) and inputs (data-item-field) for its members.

function setUpItems(widget, box) {
  const name = box.getAttribute("data-field");
  const list = {
    name,
    box,
    rows: box.querySelector("[data-item-list]"),
    template: box.querySelector("template[data-item-template]"),
    serial: 0,
  };
  widget.lists.set(name, list);
  const edited = () => {
    widget.overrides.delete(name);
    widget.touched.add(name);
    writeUrl(widget);
    compute(widget);
  };
  box.querySelector("[data-add-item]").addEventListener("click", () => {
    const row = addItem(list);
    row.querySelector("input").focus();
    edited();
  });
  box.addEventListener("click", (e) => {
    const button = e.target.closest("[data-remove-item]");
    if (!button) return;
    const row = button.closest("[data-item]");
    // Keep the keyboard in the list: the next item, else the one before, else "add".
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(list);
    (next ? next.querySelector("input") : box.querySelector("[data-add-item]")).focus();
    edited();
  });
  addItem(list);
}

// The members of a row: name -> its checkboxes (a list of options) or its one input.
function members(row) {
  const found = new Map();
  for (const input of row.querySelectorAll("[data-item-field]")) {
    const name = input.getAttribute("data-item-field");
    if (input.type === "checkbox") found.set(name, [...(found.get(name) || []), input]);
    else found.set(name, input);
  }
  return found;
}

// A row, filled from `item` when given; `faithful` says whether the row holds all of
// it (else the URL's value is sent as it is, and the contract names what is wrong).
function addItem(list, item) {
  const n = list.serial++;
  const holder = document.createElement("div");
  holder.innerHTML = list.template.innerHTML.replaceAll("__N__", String(n)); // the build's own template, no user text
  const row = holder.firstElementChild;
  showFormats(row);
  list.rows.appendChild(row);
  let faithful = true;
  if (item && typeof item === "object" && !Array.isArray(item)) {
    const inputs = members(row);
    for (const key of Object.keys(item)) if (!inputs.has(key)) faithful = false;
    for (const [key, input] of inputs) {
      if (Array.isArray(input)) {
        if (!Array.isArray(item[key])) { faithful = false; continue; }
        for (const value of item[key]) {
          const box = input.find((b) => b.value === value);
          if (box) box.checked = true; else faithful = false;
        }
      } else if (item[key] !== undefined) {
        input.value = String(item[key]);
        if (input.value !== item[key]) faithful = false;
      }
    }
  } else if (item !== undefined) {
    faithful = false;
  }
  renumber(list);
  return Object.assign(row, { faithful });
}

function renumber(list) {
  list.rows.querySelectorAll("[data-item]").forEach((row, i) => {
    row.querySelector("[data-item-number]").textContent = String(i + 1);
  });
}

// Each row as an object: a list of options always (an empty one too), an input only
// when filled in.
function readItems(list) {
  return [...list.rows.querySelectorAll("[data-item]")].map((row) => {
    const item = {};
    for (const [key, input] of members(row)) {
      if (Array.isArray(input)) item[key] = input.filter((b) => b.checked).map((b) => b.value);
      else if (input.value) item[key] = input.value;
    }
    return item;
  });
}

// -------------------------------------------------------------- rules date

// A field of display kind "today" (every calculator's `date`, the day whose rules
// apply) starts at the browser's local date (not the UTC date of toISOString), and
// that counts as its default: the URL holds it only when it is another day, so a
// shared link without it follows the rules of the day it is opened.
function localToday() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function setTodays(widget) {
  // A preview build (HANDBOOK_AS_OF) starts at its own date, as the clerk expects.
  const today = widget.config.previewDay || localToday();
  for (const spec of widget.config.fields) {
    const el = spec.display === "today" ? control(widget, spec.name) : null;
    if (!el) continue;
    spec.default = today;
    el.value = spec.default;
  }
}

// ---------------------------------------------------------- words by date

// The version of the rules a day falls in: the latest first day at or before it
// ("original": the rules as issued).
export function versionOf(day, versions) {
  let found = "original";
  for (const first of versions || []) if (/^\d{4}-\d{2}-\d{2}$/.test(day || "") && first <= day) found = first;
  return found;
}

// The day whose rules the form's words should quote: the event's date when the
// calculator has one and it is filled in, else the form's date, else today.
function rulesDay(widget) {
  const pick = (name) => {
    const el = name ? control(widget, name) : null;
    return el && /^\d{4}-\d{2}-\d{2}$/.test(el.value) ? el.value : null;
  };
  const dateSpec = widget.config.fields.find((f) => f.display === "today");
  return pick(widget.config.eventDate) || pick(dateSpec && dateSpec.name)
    || widget.config.previewDay || localToday();
}

// Put in the words of the version the form's date falls in (labels, hints, options
// that quote a rate or a threshold) wherever they stand: in the form, in the rows it
// has added and in the templates of rows to come. A text is known by its words in
// any version (the build keeps only words that stand for one text).
function applyDated(widget) {
  const config = widget.config;
  const dated = config.datedTexts;
  if (!dated || !dated.groups.length) return;
  const version = versionOf(rulesDay(widget), config.versions);
  const key = version === config.shownVersion ? "" : version;
  if (!widget.datedIndex) {
    widget.datedIndex = new Map();
    for (const group of dated.groups) for (const words of Object.values(group)) widget.datedIndex.set(words, group);
  }
  const roots = [widget.form, ...[...widget.form.querySelectorAll("template")].map((t) => t.content)];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const group = widget.datedIndex.get(node.data);
      if (!group) continue;
      const text = group[key] ?? group[""];
      if (node.data !== text) node.data = text;
    }
  }
}

// The outputs' labels of the version the answer applied (its as_of).
function outputsFor(widget, result) {
  const version = versionOf(result.as_of, widget.config.versions);
  return (version !== widget.config.shownVersion && widget.config.datedOutputs[version])
    || widget.config.outputs;
}

// --------------------------------------------------------------------- URL

function prefill(widget) {
  const params = new URLSearchParams(location.search);
  for (const spec of widget.config.fields) {
    const name = spec.name;
    if (!params.has(name) || name in widget.config.fixed) continue;
    const raw = params.get(name);
    widget.fromUrl.add(name);
    const value = typed(spec, raw);
    const list = widget.lists.get(name);
    if (list) {
      list.rows.replaceChildren();
      let faithful = Array.isArray(value);
      if (Array.isArray(value)) {
        for (const item of value) faithful = addItem(list, item).faithful && faithful;
      }
      if (!faithful) widget.overrides.set(name, value);
      continue;
    }
    const el = control(widget, name);
    if (!el) { widget.overrides.set(name, value); continue; }
    if (el.type === "checkbox") {
      if (typeof value === "boolean") el.checked = value; else widget.overrides.set(name, value);
    } else {
      el.value = raw;
      if (el.value !== raw) widget.overrides.set(name, value);
    }
  }
}

function writeUrl(widget) {
  const params = new URLSearchParams(location.search);
  const inputs = readInputs(widget);
  for (const spec of widget.config.fields) {
    const name = spec.name;
    if (name in widget.config.fixed) continue;
    params.delete(name);
    if (!(name in inputs)) continue;
    const value = inputs[name];
    if (value === false || ("default" in spec && value === spec.default)) continue; // short links
    params.set(name, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  const query = params.toString();
  history.replaceState(history.state, "", (query ? "?" + query : location.pathname) + location.hash);
}

// ----------------------------------------------------------------- engine

function setStatus(widget, state, text) {
  widget.status.dataset.state = state;
  widget.statusText.textContent = text;
  const progress = widget.status.querySelector("progress");
  if (progress && state !== "loading" && state !== "slow") progress.remove();
  if (state === "failed") widget.status.setAttribute("role", "alert");
  else widget.status.setAttribute("role", "status");
}

let stage = "download";       // the worker's last step
let bytes = { loaded: 0, total: 0 };
let fellBack = false;         // the snapshot was refused or failed: the normal boot runs
let stallTimer = null;

function mb(n) { return (n / 1e6).toFixed(1); }

function loadingText(ui) {
  if (fellBack) return ui.step_fallback;  // the bar still shows the bytes
  if (stage === "start") return ui.step_start;
  if (stage === "package") return ui.step_package;
  if (!bytes.loaded) return ui.loading;
  if (bytes.total > bytes.loaded) {
    return ui.step_download.replace("{loaded}", mb(bytes.loaded)).replace("{total}", mb(bytes.total));
  }
  return ui.step_download_unknown.replace("{loaded}", mb(bytes.loaded));
}

function showLoading() {
  for (const widget of forms) {
    setStatus(widget, "loading", loadingText(widget.config.ui));
    delete widget.form.dataset.engine;  // set once the engine is ready, slow or failed
    const progress = widget.status.querySelector("progress");
    if (progress && stage === "download" && bytes.total) {
      progress.max = bytes.total;
      progress.value = Math.min(bytes.loaded, bytes.total);
    } else if (progress) {
      progress.removeAttribute("value"); // indeterminate while Python starts
    }
  }
}

// Something moved (a byte or a step): restart the "no progress" clock.
function moved() {
  clearTimeout(stallTimer);
  if (engineState === "slow") engineState = "loading";
  if (engineState !== "loading") return;
  showLoading();
  stallTimer = setTimeout(engineStalled, STALL_MS);
}

function engineFailed(kind) {
  if (engineState === "failed") return;
  engineState = "failed";
  clearTimeout(stallTimer);
  for (const widget of forms) {
    setStatus(widget, "failed", widget.config.ui[kind] || widget.config.ui.failed);
    widget.form.dataset.engine = "failed";
  }
  if (worker) worker.terminate();
}

// Nothing has moved for STALL_MS: say so and what to try, but keep the worker; if it
// gets there after all, the answer still appears.
function engineStalled() {
  if (engineState !== "loading") return;
  engineState = "slow";
  for (const widget of forms) {
    setStatus(widget, "slow", widget.config.ui.stalled.replace("{seconds}", String(STALL_MS / 1000)));
    widget.form.dataset.engine = "slow";
  }
}

function engineReady() {
  if (engineState === "failed") return;
  performance.mark("calculator:engine-ready");
  engineState = "ready";
  clearTimeout(stallTimer);
  for (const widget of forms) {
    setStatus(widget, "ready", widget.config.ui.ready);
    widget.form.dataset.engine = "ready";
    compute(widget);
  }
}

function onMessage(event) {
  const msg = event.data || {};
  if (msg.type === "status") {
    if (msg.via) document.documentElement.dataset.calculatorsVia = msg.via;
    if (msg.stage === "ready") engineReady();
    else { stage = msg.stage; moved(); }
  } else if (msg.type === "mark") {
    try {
      performance.mark("calculator:worker:" + msg.name, { startTime: msg.at - performance.timeOrigin });
    } catch (error) { /* an old browser: timings are for the benchmark only */ }
  } else if (msg.type === "progress") {
    bytes = { loaded: msg.loaded, total: msg.total };
    moved();
  } else if (msg.type === "note" && msg.kind === "snapshot-failed") {
    fellBack = true;
    document.documentElement.dataset.calculatorsSnapshot = "failed";
    moved();
  } else if (msg.type === "error") {
    engineFailed(msg.kind === "missing" || msg.kind === "no_wasm" ? msg.kind : "failed");
  } else if (msg.type === "result") {
    const widget = pending.get(msg.id);
    pending.delete(msg.id);
    if (widget) finished(widget, JSON.parse(msg.result));
  }
}

// Start the engine (once). The worker may already run: the inline script in <head>
// starts it at once for a URL-prefilled calculator and buffers its first messages.
function startEngine() {
  if (engineState !== "idle") return;
  engineState = "loading";
  performance.mark("calculator:engine-start");
  const boot = window.__calculatorsStart;
  worker = typeof boot === "function" ? boot() : null;
  if (!worker) {
    engineFailed(typeof WebAssembly === "object" && typeof boot === "function" ? "failed" : "no_wasm");
    return;
  }
  const buffered = worker.__buffer || [];
  worker.__buffer = null;
  worker.onmessage = onMessage;
  worker.onerror = () => engineFailed("failed");
  moved();
  for (const event of buffered) onMessage(event);
}

function compute(widget) {
  if (engineState !== "ready") return;
  if (widget.inFlight) { widget.queued = true; return; }
  widget.inFlight = true;
  const id = nextId++;
  pending.set(id, widget);
  widget.form.dataset.computing = "true";
  worker.postMessage({ type: "run", id, name: widget.config.name, inputs: JSON.stringify(readInputs(widget)) });
}

function finished(widget, result) {
  widget.inFlight = false;
  if (widget.queued) { widget.queued = false; compute(widget); return; }
  delete widget.form.dataset.computing;
  render(widget, result);
  if (!performance.getEntriesByName("calculator:first-result").length) {
    performance.mark("calculator:first-result");
    // The engine has been used: sw-register.js may now offer the offline copy.
    document.dispatchEvent(new CustomEvent("calculators:used"));
  }
  widget.form.dataset.results = String(Number(widget.form.dataset.results || 0) + 1);
  widget.form.dispatchEvent(new CustomEvent("calculator:result", { detail: result }));
}

// ----------------------------------------------------------------- render

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function clearErrors(widget) {
  widget.form.querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
  widget.form.querySelectorAll(".calc-error").forEach((p) => { p.textContent = ""; p.hidden = true; });
}

function errorTarget(widget, field) {
  // A member of an item of a list ("articles[2].outlets[0]"): beside it in its row.
  const m = /^([^.[\]]+)\[(\d+)\]\.([^.[\]]+)/.exec(field || "");
  const list = m && widget.lists.get(m[1]);
  if (list) {
    const row = list.rows.querySelectorAll("[data-item]")[Number(m[2])];
    const key = m && CSS.escape(m[3]);
    const p = row && row.querySelector(`[data-item-error="${key}"]`);
    const target = row && (row.querySelector(`[data-item-choices="${key}"]`)
      || row.querySelector(`[data-item-field="${key}"]`));
    if (p && target) return { p, target };
  }
  const name = (field || "").split(/[.[]/)[0];
  const target = name ? control(widget, name) : null;
  if (!target) return null;
  // aria-describedby may name a hint before the error line: the error is "…-error".
  const ids = (target.getAttribute("aria-describedby") || "").split(/\s+/);
  const p = document.getElementById(ids.find((id) => id.endsWith("-error")) || ids[0]);
  return { p, target };
}

function clauseHref(widget, id) {
  const chapter = /^c(\d+)-/.exec(id);
  if (!chapter) return null;
  return clauseUrl(id, widget.config.lang);
}

/* Explanations name clauses by id (c12-8), as the API does; a reader sees them by
   their printed numbers, in brackets of the page's language. In Chinese the spaces
   that set an id apart from the characters around it go with it. */
function readable(widget, text) {
  const zh = widget.config.lang === "zh";
  return text
    .replace(/\((c\d+-\d+(?:-\d+)?)\)/g, (m, id) => (zh ? `（${clauseName(widget, id)}）` : `(${clauseName(widget, id)})`))
    .replace(zh ? / ?\b(c\d+-\d+(?:-\d+)?)\b ?/g : /\b(c\d+-\d+(?:-\d+)?)\b/g,
             (m, id) => clauseName(widget, id));
}

/* A clause as the citation format names it (“财务管理制度”第8条), from the build, by
   the printed number of the version of the rules the answer being shown applied. */
function clauseName(widget, id) {
  const config = widget.config;
  const version = versionOf(widget.shownAsOf, config.versions);
  const dated = version !== config.shownVersion && (config.datedClauseLabels || {})[version];
  return (dated || config.clauseLabels || {})[id] || (config.clauseLabels || {})[id] || id;
}

function context(widget) {
  const ui = widget.config.ui;
  return { lang: widget.config.lang, yes: ui.yes, no: ui.no, none: ui.none };
}

/* One figure, by the display kind its schema declares (display.js). */
function figure(widget, display, value) {
  const ctx = context(widget);
  if (display.kind === "records") {
    // One line per item, numbered by its own line (the list itself is not numbered).
    return el("ul", { class: "calc-list calc-list--plain" },
      ...recordLines(display, value, ctx).map((line) => el("li", {}, line)));
  }
  if (display.kind === "counts") {
    return el("ul", { class: "calc-list" }, ...countLines(display, value, ctx).map((line) => el("li", {}, line)));
  }
  if (display.kind === "table") {
    const { heads, rows } = tableOf(display, value, ctx);
    const cell = (c) => {
      if (!("clause" in c)) return el("td", {}, c.text);
      const href = clauseHref(widget, c.clause);
      return el("td", {}, href ? el("a", { href }, clauseName(widget, c.clause)) : c.clause);
    };
    return el("div", { class: "calc-table-wrap" },
      el("table", { class: "calc-table" },
        el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map(cell))))));
  }
  return text(display, value, ctx);
}

/* A "file" output: a download link to a blob of its text. */
function fileLink(widget, output, result) {
  const file = fileOf(output.display, result);
  const url = URL.createObjectURL(new Blob([result[output.name]], { type: `${file.type};charset=utf-8` }));
  widget.blobUrls.push(url);
  return el("a", { href: url, download: file.name, class: "md-button calc-download", "data-download": output.name },
    file.link);
}

function render(widget, result) {
  widget.shownAsOf = result && result.as_of;     // the clauses are named as on that day
  const ui = widget.config.ui;
  const lang = widget.config.lang;
  clearErrors(widget);
  const out = [];
  if (!result.ok) {
    const error = result.error || {};
    const message = error[`message_${lang}`] || error.message_en || "";
    const name = (error.field || "").split(/[.[]/)[0];
    // Never scold a field nobody has filled in yet (a fresh form): give a hint instead.
    const quiet = Boolean(name) && !widget.touched.has(name) && !widget.fromUrl.has(name)
      && (error.code === "missing" || widget.lists.has(name));
    const found = errorTarget(widget, error.field);
    if (quiet) {
      out.push(el("p", { class: "calc-hint", "data-calculator-hint": "" }, ui.fill));
    } else {
      if (found) {
        found.target.setAttribute("aria-invalid", "true");
        if (found.p) { found.p.textContent = message; found.p.hidden = false; }
      }
      out.push(el("p", { class: "calc-result-error", "data-calculator-error": error.field || "" },
        `${ui.error_form}${lang === "zh" ? "" : " "}${message}`));
    }
    widget.result.replaceChildren(...out);
    widget.result.dataset.ok = "false";
    return;
  }
  const figures = el("dl", { class: "calc-figures" });
  const downloads = [];
  for (const url of widget.blobUrls.splice(0)) URL.revokeObjectURL(url);
  for (const output of outputsFor(widget, result)) {
    if (!(output.name in result)) continue;
    if (output.display.kind === "file") {
      if (result[output.name]) downloads.push(fileLink(widget, output, result));
      continue;
    }
    figures.append(el("dt", {}, output.label),
      el("dd", { "data-output": output.name }, figure(widget, output.display, result[output.name])));
  }
  // The answer first, in one sentence; the figures, explanation and clauses follow.
  out.push(el("p", { class: "calc-answer", "data-calculator-answer": "" }, result[`answer_${lang}`] || ""));
  out.push(el("p", { class: "calc-result-title" }, ui.result), figures);
  for (const link of downloads) out.push(el("p", {}, link));
  out.push(el("p", { class: "calc-explanation", "data-calculator-explanation": "" },
    readable(widget, result[`explanation_${lang}`] || "")));
  const links = (result.clauses || []).map((id) => {
    const href = clauseHref(widget, id);
    return el("li", {}, href ? el("a", { href, "data-clause": id }, clauseName(widget, id)) : id);
  });
  out.push(el("div", { class: "calc-clauses" }, el("span", {}, ui.clauses + (lang === "zh" ? "：" : ":")),
    el("ul", {}, ...links)));
  widget.result.replaceChildren(...out);
  widget.result.dataset.ok = "true";
}

// ------------------------------------------------------------------- start

forms = [...document.querySelectorAll("form[data-calculator]")].map(setUp);
if (forms.length) {
  if (typeof WebAssembly !== "object") {
    engineState = "loading";
    engineFailed("no_wasm");
  } else if (window.__calculatorsWorker) {
    startEngine();                // started by <head>: the URL pre-fills a calculator
  } else {
    // Start when a form is (nearly) in view, or as soon as one is used. A print page
    // (data-start="use" on the boot script) starts only when a form is used.
    const boot = document.querySelector("script[data-calculators-boot]");
    const onView = !(boot && boot.dataset.start === "use");
    const observer = onView && "IntersectionObserver" in window ? new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) { observer.disconnect(); startEngine(); }
    }, { rootMargin: "200px 0px" }) : null;
    for (const widget of forms) {
      if (observer) observer.observe(widget.form);
      for (const type of ["focusin", "pointerdown", "input"]) {
        widget.form.addEventListener(type, () => { if (observer) observer.disconnect(); startEngine(); },
                                     { once: true });
      }
    }
    if (onView && !observer) startEngine();
  }
}
