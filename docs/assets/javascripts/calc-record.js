/* On paper, a calculator prints a record of the computation, not the form:
   its inputs as the reader set them, the answer and the clauses it applied,
   the date and the page address. The record is rebuilt on every result
   (calculators.js dispatches `calculator:result` on the form) and shown only
   in print (clause-links.css). */
const EN = /^en/i.test(document.documentElement.lang || "");
const T = EN
  ? { record: "Record of the computation", inputs: "Inputs", result: "Result", yes: "yes", no: "no",
      none: "—", when: "Computed on", at: "at" }
  : { record: "计算记录", inputs: "输入", result: "结果", yes: "是", no: "否",
      none: "—", when: "计算时间：", at: "页面地址：" };

function text(node) { return (node ? node.textContent : "").replace(/\s*\*\s*$/, "").replace(/\s+/g, " ").trim(); }

function valueOf(control) {
  if (!control) return T.none;
  if (control.type === "checkbox") return control.checked ? T.yes : T.no;
  if (control.tagName === "SELECT") return control.selectedIndex >= 0 ? text(control.options[control.selectedIndex]) : T.none;
  return control.value.trim() || T.none;
}

function inputsOf(form) {
  const rows = [];
  for (const field of form.querySelectorAll(".calc-fields > .calc-field, .calc-fields > * > .calc-field")) {
    if (field.closest("[data-item]")) continue;
    const control = field.querySelector("input, select, textarea");
    rows.push([text(field.querySelector("label")), valueOf(control)]);
  }
  // Each item of a list of objects (the rewards articles), named by its own legend:
  // the boxes ticked, then the other inputs filled in.
  form.querySelectorAll("[data-item]").forEach((item) => {
    const picked = [...item.querySelectorAll("input[type=checkbox]:checked")]
      .map((box) => text(item.querySelector(`label[for="${box.id}"]`)));
    const others = [...item.querySelectorAll("[data-item-field]:not([type=checkbox])")].map((input) => input.value);
    rows.push([text(item.querySelector("legend")),
      [picked.join(EN ? ", " : "、") || T.none, ...others].filter(Boolean).join(EN ? "; " : "；")]);
  });
  return rows;
}

function build(form) {
  const widget = form.closest("[data-calculator-widget]") || form;
  const result = widget.querySelector("[data-calculator-result]");
  let record = widget.nextElementSibling;
  if (!record || !record.classList.contains("calc-record")) {
    record = document.createElement("section");
    record.className = "calc-record";
    record.setAttribute("aria-hidden", "true");    // a print-only duplicate of what is on screen
    widget.after(record);
  }
  const title = document.createElement("p");
  title.className = "calc-record__title";
  title.textContent = `${text(form.querySelector(".calc-title"))} · ${T.record}`;
  const inputs = document.createElement("dl");
  inputs.className = "calc-record__inputs";
  for (const [label, value] of inputsOf(form)) {
    const dt = document.createElement("dt"); dt.textContent = label;
    const dd = document.createElement("dd"); dd.textContent = value;
    inputs.append(dt, dd);
  }
  const answer = document.createElement("div");
  answer.className = "calc-record__result";
  for (const child of result.children) {
    const copy = child.cloneNode(true);
    copy.querySelectorAll("button, .calc-download, [data-download]").forEach((n) => n.remove());
    // A copy for paper: no ids, and none of the result's data-* hooks, so nothing
    // that looks for the result on screen finds this copy too.
    for (const n of [copy, ...copy.querySelectorAll("*")]) {
      n.removeAttribute("id");
      for (const a of [...n.attributes]) if (a.name.startsWith("data-")) n.removeAttribute(a.name);
    }
    answer.append(copy);
  }
  const stamp = document.createElement("p");
  stamp.className = "calc-record__stamp";
  const now = new Date();
  // The reader's local date in both languages (toISOString would give UTC's).
  const pad = (n) => String(n).padStart(2, "0");
  const day = EN ? `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
    : `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
  stamp.textContent = `${T.when}${EN ? " " : ""}${day}${EN ? ", " + T.at + " " : "；" + T.at}${window.location.href}`;
  const heading = (label) => { const p = document.createElement("p"); p.className = "calc-record__heading"; p.textContent = label; return p; };
  record.replaceChildren(title, heading(T.inputs), inputs, heading(T.result), answer, stamp);
}

/* A record only of what the reader asked: a form they used, a link that filled it, or
   a calculator's own page. A chapter's calculator left at its defaults prints nothing. */
const ownPage = /\/calculators\/[^/]+\/$/.test(window.location.pathname);
const filled = new URLSearchParams(window.location.search).toString() !== "";
for (const form of document.querySelectorAll("form[data-calculator]")) {
  let used = ownPage || filled;
  for (const type of ["input", "change"]) form.addEventListener(type, () => { used = true; });
  form.addEventListener("calculator:result", (event) => {
    if (event.detail && event.detail.ok && used) build(form);
    else {
      const record = (form.closest("[data-calculator-widget]") || form).nextElementSibling;
      if (record && record.classList.contains("calc-record")) record.remove();
    }
  });
}
