/* The drafting page (/draft/): the clerk pastes a decision as the office issued it;
   the calculators' own Python (calculators/draft.py, run in the page's Pyodide
   worker, the same code `make draft` and the build use) reads it sentence by
   sentence and checks it; this module shows the answer and offers the file to save.
   Wording: ui-text.js (draft). */
import { copyText } from "./copy.js";
import { LANG, SITE_ROOT } from "./site.js";
import { fill, uiText } from "./ui-text.js";

const T = uiText(LANG).draft;
const MARK = { read: "✓", frame: "·", unread: "？", problem: "✗" };

function el(tag, props, ...children) {
  const node = Object.assign(document.createElement(tag), props || {});
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A redline ([["=", "…"], ["-", "800"], ["+", "1000"]]) as <del>/<ins>. */
export function redlineNodes(parts) {
  return parts.map(([op, text]) => (op === "=" ? document.createTextNode(text)
    : el(op === "-" ? "del" : "ins", { textContent: text })));
}

/** How many points block saving. */
export function blocking(result) {
  return result.unread.length + result.problems.length + result.errors.length;
}

function section(title, ...children) {
  return el("section", { className: "draft-section" }, el("h2", { textContent: title }), ...children);
}

function render(box, result) {
  const out = [];
  const count = blocking(result);
  out.push(el("p", { className: "draft-answer " + (result.ok ? "is-ok" : "is-blocked"),
                     textContent: result.ok ? T.okTitle : fill(T.notOkTitle, { count }) }));
  if (result.errors.length) {
    out.push(section(T.errors, el("ul", {}, ...result.errors.map((e) =>
      el("li", { textContent: LANG === "en" ? e.en : e.zh })))));
  }
  const general = result.problems.filter((p) => !p.sentence);
  if (general.length) {
    out.push(el("ul", { className: "draft-problems" }, ...general.map((p) =>
      el("li", { textContent: `${MARK.problem} ${LANG === "en" ? p.en : p.zh}` }))));
  }
  out.push(section(T.sentences, el("ol", { className: "draft-sentences" }, ...result.sentences.map((s) => {
    const note = s.status === "problem" ? (LANG === "en" ? s.problem_en : s.problem_zh)
      : s.status === "unread" ? T.unread : s.what;
    const li = el("li", { className: `draft-sentence is-${s.status}` },
      el("span", { className: "draft-mark", textContent: MARK[s.status] }), " ",
      el("span", { textContent: s.text }),
      note ? el("span", { className: "draft-note", textContent: `${T[s.status]}：${note}` }) : null);
    li.setAttribute("data-status", s.status);
    return li;
  }))));
  if (result.clauses.length) {
    out.push(section(T.clauses, ...result.clauses.map((c) => el("div", { className: "draft-clause" },
      el("p", { className: "draft-citation" }, el("strong", { textContent: c.citation }), ` · ${c.clause}`),
      el("p", { className: "draft-redline" }, ...redlineNodes(c.redline),
        c.action === "repeal" ? el("span", { textContent: T.repealed }) : null)))));
  }
  if (result.renumbered.length) {
    out.push(section(T.renumbered, el("ul", {}, ...result.renumbered.map((r) =>
      el("li", { textContent: fill(T.renumberLine, r) })))));
  }
  if (result.values.length) {
    out.push(section(T.values, el("ul", { className: "draft-values" }, ...result.values.map((v) =>
      el("li", { textContent: fill(T.valueLine, v) })))));
  }
  if (result.warnings.length) {
    out.push(section(T.warnings, el("ul", {}, ...result.warnings.map((w) =>
      el("li", { textContent: LANG === "en" ? w.en : w.zh })))));
  }
  if (result.ok) {
    const blob = new Blob([result.toml], { type: "application/toml;charset=utf-8" });
    const save = el("a", { className: "md-button md-button--primary draft-save", href: URL.createObjectURL(blob),
                           download: result.file_name, textContent: fill(T.save, { name: result.file_name }) });
    const copy = el("button", { type: "button", className: "md-button draft-copy", textContent: T.copy });
    copy.addEventListener("click", () => copyText(result.toml, T.copied));
    const text = el("textarea", { className: "draft-file", readOnly: true, value: result.toml, rows: 14 });
    text.setAttribute("aria-label", T.file);
    out.push(section(T.file, el("p", { textContent: T.fileHint }), el("p", {}, save, " ", copy), text));
  }
  box.replaceChildren(...out);
  box.hidden = false;
}

function init() {
  const app = document.getElementById("draft-app");
  if (!app) return;
  const input = app.querySelector(".draft-text");
  const status = app.querySelector(".draft-status");
  const box = app.querySelector(".draft-result");
  let worker = null;
  let ready = false;
  let waiting = null;
  let id = 0;

  function ask() {
    const text = input.value.trim();
    if (!text) { status.textContent = T.empty; box.hidden = true; return; }
    if (!ready) { waiting = text; status.textContent = T.loading; start(); return; }
    status.textContent = T.reading;
    worker.postMessage({ type: "run", id: ++id, name: "__draft__", inputs: JSON.stringify(text) });
  }

  function start() {
    if (worker) return;
    try {
      worker = new Worker(new URL("assets/javascripts/calculators/worker.js", SITE_ROOT), { type: "module" });
    } catch (error) { status.textContent = T.failed; return; }
    worker.onerror = () => { status.textContent = T.failed; };
    worker.onmessage = (event) => {
      const msg = event.data || {};
      if (msg.type === "error") status.textContent = T.failed;
      if (msg.type === "status" && msg.stage === "ready") {
        ready = true;
        if (waiting !== null) { waiting = null; ask(); }
      }
      if (msg.type === "result" && msg.id === id) {
        status.textContent = "";
        render(box, JSON.parse(msg.result));
      }
    };
    worker.postMessage({ type: "init", indexURL: new URL("assets/pyodide/", SITE_ROOT).href });
  }

  app.querySelector(".draft-run").addEventListener("click", ask);
  input.addEventListener("input", () => { if (ready) ask(); });
  app.classList.add("is-ready");
}

if (globalThis.document) init();
