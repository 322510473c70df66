/* Reading clause references the way managers type them, and writing a citation
   with its link. Pure functions, no DOM: unit-tested with `node --test tests/js/`
   and used by the link menu, the citation builder and the 404 page.

     第十二章第8条 · 十二章8条 · 第12章第8条 · 12-8 · 12.8 · 1-5-4 · c12-8 · art. 12.8
     第一章第5条第④项 · 1-5(4) · “财务管理制度”第8条 (the handbook's own citation)
     ch. 12, cl. 8 · chapter 1 clause 5(4) · "Financial Management Rules", cl. 8

   A reference is {chapter, item, sub}; sub is null for a whole clause and item
   is null for a whole chapter. */

const CN_DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const NUM = "(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})";
const SUB = `(?:第?(?:${NUM}|([${CIRCLED}]))[项款]|\\((\\d{1,2})\\)|([${CIRCLED}]))`;

/** 12, "十二", "一百零八" → number; anything else → NaN. */
export function toNumber(s) {
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return NaN;
  let total = 0, digit = 0;
  for (const ch of s) {
    if (ch === "百") { total += (digit || 1) * 100; digit = 0; }
    else if (ch === "十") { total += (digit || 1) * 10; digit = 0; }
    else digit = CN_DIGITS[ch];
  }
  return total + digit;
}

/** A printed number's value: "6." → 6, "第十一条" → 11, "六、" → 6, "⑥" → 6; else NaN. */
export function numberValue(printed) {
  const s = String(printed || "");
  if (s && CIRCLED.includes(s[0])) return CIRCLED.indexOf(s[0]) + 1;
  let m = /^(\d+)\.$/.exec(s);
  if (m) return parseInt(m[1], 10);
  m = /^第(.+)条$/.exec(s) || /^(.+)、$/.exec(s);
  return m ? toNumber(m[1]) : NaN;
}

/** Full-width digits, letters and punctuation → ASCII; quotes unified; spaces kept single. */
export function normalize(text) {
  return String(text || "")
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/[“”„‟"«»「」『』]/g, '"')
    .replace(/\u3000/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*([第章条项款、]|部分)\s*/g, "$1")   // 第 12 章 第 8 条 → 第12章第8条
    .trim();
}

function subOf(m, at) {
  // groups at..at+3: a number with 项/款, a circled digit with 项, (n), a bare circled digit
  if (m[at]) return toNumber(m[at]);
  const circled = m[at + 1] || m[at + 3];
  if (circled) return CIRCLED.indexOf(circled) + 1;
  if (m[at + 2]) return parseInt(m[at + 2], 10);
  return null;
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

/* Each pattern reads one reference and says how to build it. Order matters:
   the fuller forms first, so "第十二章第8条" is not read as a bare chapter. */
function patterns(chapters) {
  const list = [
    // 第十二章第8条第④项 · 十二章8条 · 第12部分第8条 · 十二、第8条
    [new RegExp(`(?<![\\d零〇一二两三四五六七八九十百])第?${NUM}(?:章|部分|项制度|编|、)\\s*(?:的\\s*)?第?${NUM}条\\s*(?:${SUB})?`, "y"),
      (m) => ({ chapter: toNumber(m[1]), item: toNumber(m[2]), sub: subOf(m, 3) })],
    // ch. 12, cl. 8 · chapter 1 clause 5(4) · ch 16 art 1
    [/(?:ch(?:apter)?\.?)\s*(\d{1,3})\s*[,，]?\s*(?:cl(?:ause)?|art(?:icle)?|item|para(?:graph)?)\.?\s*(\d{1,3})(?:\s*\((\d{1,2})\))?/iy,
      (m) => ({ chapter: +m[1], item: +m[2], sub: m[3] ? +m[3] : null })],
    // c12-8 · 12-8 · 12.8 · 1-5-4 · 1-5(4) · 1.5.4 · art. 12.8 · clause 12-8 · § 12.8 · 第12.8条
    // (c12-8 is a clause's id, `id: true`: the clause whatever number it prints now)
    [/(?<![\d.-])(?:(?:art(?:icle)?|cl(?:ause)?|§)\.?\s*|第)?(c?)(\d{1,3})\s*[-.]\s*(\d{1,3})(?:\s*[-.]\s*(\d{1,2})|\((\d{1,2})\))?(?![\d.-]*\d)条?/iy,
      (m) => ({ chapter: +m[2], item: +m[3], sub: m[4] ? +m[4] : (m[5] ? +m[5] : null),
                ...(m[1] ? { id: true } : {}) })],
    // 第十二章 · chapter 12 · ch. 12 · c12 (a whole chapter)
    [new RegExp(`第?${NUM}章`, "y"), (m) => ({ chapter: toNumber(m[1]), item: null, sub: null })],
    [/(?:ch(?:apter)?\.?\s*|c)(\d{1,3})(?![\d-])/iy, (m) => ({ chapter: +m[1], item: null, sub: null })],
  ];
  // The handbook's own citations name the set of rules: “财务管理制度”第8条, "Financial Management Rules", cl. 8
  for (const c of chapters || []) {
    for (const name of [c.zh, c.en]) {
      if (!name) continue;
      const n = escapeRe(name);
      list.push([new RegExp(`(?:《[^》]*》)?"?${n}"?\\s*第?${NUM}条\\s*(?:${SUB})?`, "y"),
        (m) => ({ chapter: c.n, item: toNumber(m[1]), sub: subOf(m, 2) })]);
      list.push([new RegExp(`(?:Yongding Office Rules\\s*,?\\s*)?"?${n}"?\\s*[,，]?\\s*(?:cl(?:ause)?|art(?:icle)?)\\.?\\s*(\\d{1,3})(?:\\s*\\((\\d{1,2})\\))?`, "iy"),
        (m) => ({ chapter: c.n, item: +m[1], sub: m[2] ? +m[2] : null })]);
    }
  }
  return list;
}

const SEPARATORS = /[\s,，、;；/|和及与]+|and\b/iy;
const SKIP_WORDS = /(?:《永定区编办管理制度》|Yongding Office Rules\s*,?|见|参见|依据|根据|按照|see\b|under\b|per\b)/iy;

/**
 * Every reference in `text`, and whether the text was nothing but references
 * (so a caller can tell "12-8 1-5-4" from a search for words).
 * `chapters`: optional [{n, zh, en}] with chapter names without their numbers.
 */
export function parseRefs(text, chapters) {
  const s = normalize(text);
  const pats = patterns(chapters);
  const refs = [];
  let pos = 0, onlyRefs = s.length > 0;
  outer: while (pos < s.length) {
    for (const re of [SEPARATORS, SKIP_WORDS]) {
      re.lastIndex = pos;
      const m = re.exec(s);
      if (m && m[0].length) { pos += m[0].length; continue outer; }
    }
    for (const [re, build] of pats) {
      re.lastIndex = pos;
      const m = re.exec(s);
      if (m && m[0].length) {
        const ref = build(m);
        if (Number.isFinite(ref.chapter) && ref.chapter > 0 &&
            (ref.item === null || (Number.isFinite(ref.item) && ref.item > 0)) &&
            (ref.sub === null || (Number.isFinite(ref.sub) && ref.sub > 0))) {
          refs.push(ref);
          pos += m[0].length;
          continue outer;
        }
      }
    }
    onlyRefs = false;                 // a character no reference explains
    pos += 1;
  }
  return { refs, onlyRefs: onlyRefs && refs.length > 0 };
}

/** {chapter: 12, item: 8, sub: null} → "c12-8"; a whole chapter → "c12". */
export function refId(ref) {
  if (ref.item === null) return `c${ref.chapter}`;
  return `c${ref.chapter}-${ref.item}` + (ref.sub ? `-${ref.sub}` : "");
}

/** A citation followed by its link, in the brackets of its language:
    《…》“财务管理制度”第8条（https://…/c/12-8/） · Yongding Office Rules, "…", cl. 8 (https://…/en/c/12-8/) */
export function withLink(citation, url, lang) {
  return lang === "en" ? `${citation} (${url})` : `${citation}（${url}）`;
}
