// How one figure of a calculator's answer is shown, by the display kind its schema
// declares (calculators/_display.py; documented on the developer calculators page).
// Pure functions, no DOM: calculators.js builds the elements from what these return,
// and tests/js/display.test.mjs checks them with `node --test`.
//
// `display` is an output's schema display in the page's language (the build keeps
// one language): {kind, labels?, none?, line?, parts?, columns?, file_name?, ...}.
// `ctx` is {lang, yes, no, none}: the page's language and its words.

const SEPARATOR = { zh: "、", en: ", " };
const COLON = { zh: "：", en: ": " };
const NUMBERS = new Set(["number", "money", "days", "years"]);

/* 1,000,000,000 in English; 10亿 (and 5000, 1.5万) in Chinese, as people write amounts. */
export function number(value, lang) {
  if (typeof value !== "number") return String(value);
  const zh = lang === "zh";
  if (zh && Math.abs(value) >= 1e8) return `${+(value / 1e8).toFixed(4)}亿`;
  if (zh && Math.abs(value) >= 1e5) return `${+(value / 1e4).toFixed(4)}万`;
  if (zh) return String(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/* "稿件{index}：{reward}元" with {index: "1", reward: "300"}; unknown names stay. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

function label(display, value) {
  if (typeof value !== "string") return JSON.stringify(value);
  const labels = display.labels || {};
  return value in labels ? labels[value] : value;
}

/* One value as text: a scalar kind, or a list kind joined (months, codes). */
export function text(display, value, ctx) {
  if (value === null || value === undefined) return display.none ?? "—";
  const kind = display.kind;
  if (Array.isArray(value)) {
    if (!value.length) return ctx.none;
    return value.map((v) => label(display, v)).join(SEPARATOR[ctx.lang]);
  }
  if (kind === "boolean" || typeof value === "boolean") return value ? ctx.yes : ctx.no;
  if (kind === "ordinal") return String(value + 1);
  if (kind === "year" || kind === "date") return String(value);
  if (NUMBERS.has(kind) || typeof value === "number") return number(value, ctx.lang);
  if (typeof value === "string") return label(display, value);
  return JSON.stringify(value);
}

/* records: one line per item, its `line` filled with each part shown by its kind. */
export function recordLines(display, items, ctx) {
  return (items || []).map((item) => {
    const values = { ...item };
    for (const part of display.parts || []) values[part.name] = text(part, item[part.name], ctx);
    return fill(display.line, values);
  });
}

/* counts: one line per code, "label：n". */
export function countLines(display, counts, ctx) {
  return Object.entries(counts || {}).map(([code, n]) => `${label(display, code)}${COLON[ctx.lang]}${n}`);
}

/* table: the heads, and per item one cell per column, {text} or {clause} (a link). */
export function tableOf(display, items, ctx) {
  const columns = display.columns || [];
  const rows = (items || []).map((item) => columns.map((column) => {
    const value = item[column.name];
    if (column.kind === "when") return { text: item.date || `${item.start} – ${item.end}` };
    if (column.kind === "text") return { text: item[`${column.name}_${ctx.lang}`] ?? value ?? "" };
    if (column.kind === "clause") return { clause: value };
    return { text: text(column, value, ctx) };
  }));
  return { heads: columns.map((column) => column.label ?? column.name), rows };
}

/* file: the download's name (filled from the answer), media type and link text. */
export function fileOf(display, result) {
  const name = fill(display.file_name, result);
  return { name, type: display.media_type, link: fill(display.link ?? name, { file: name }) };
}
