/* The site's addresses: where its root is, which language a page is in, and the
   address of a clause. The one place the front end finds the site root; pure
   functions apart from SITE_ROOT and LANG, unit-tested with `node --test tests/js/`.

   The root is found from this file's own address: it is always
   <root>/assets/javascripts/site.js, on a Chinese (/), English (/en/), 404 or
   generated page alike, and under any prefix the site is served from. Nothing
   is parsed from the page (Material's __config, a <script src>, a data attribute). */

/** The site root (a URL ending in "/"), for the page this module runs in. */
export const SITE_ROOT = new URL("../../", import.meta.url);

/** "en" or "zh": the language of a document (<html lang>). */
export function pageLang(doc) {
  const lang = doc && doc.documentElement ? doc.documentElement.lang || "" : "";
  return /^en/i.test(lang) ? "en" : "zh";
}

/** This page's language ("zh" where there is no document, e.g. in Node). */
export const LANG = pageLang(globalThis.document);

/** A day as "YYYY-MM-DD" in the browser's own time zone (toISOString would give
    UTC's date, a day off in China before 8 a.m.): the reader's day. */
export function localDay(now = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A clause id as the build writes it: c12-8, c1-5-4 (chapter, item, sub-item). */
export const CLAUSE_ID = /^c(\d+)-(\d+)(?:-(\d+))?$/;

/** The root of a language's pages: the site root for Chinese, <root>en/ for English. */
export function langRoot(lang, root = SITE_ROOT) {
  return new URL(lang === "en" ? "en/" : "", root);
}

/** A chapter's page (the build names them docs/<lang>/chNN.md): 12 → "ch12", 3 → "ch03". */
export function chapterPath(chapter) {
  return `ch${String(chapter).padStart(2, "0")}`;
}

/** The chapter page of a clause id: "c12-8" → "ch12"; null for anything else. */
export function chapterPage(id) {
  const m = CLAUSE_ID.exec(id || "");
  return m ? chapterPath(m[1]) : null;
}

/** A chapter page: ".../ch12/". */
export function chapterUrl(chapter, lang, root = SITE_ROOT) {
  return new URL(`${chapterPath(chapter)}/`, langRoot(lang, root)).href;
}

/** A clause on its chapter page: ".../ch12/#c12-8" (a string), or null. */
export function clauseUrl(id, lang, root = SITE_ROOT) {
  const page = chapterPage(id);
  return page ? new URL(`${page}/#${id}`, langRoot(lang, root)).href : null;
}

/** A clause's short link, permanent and short enough for paper: ".../c/12-8/", or null. */
export function shortUrl(id, lang, root = SITE_ROOT) {
  return CLAUSE_ID.test(id || "") ? new URL(`c/${id.slice(1)}/`, langRoot(lang, root)).href : null;
}

/** A clause in the side-by-side view: ".../bilingual/ch12/#c12-8", or null. */
export function bilingualUrl(id, lang, root = SITE_ROOT) {
  const page = chapterPage(id);
  return page ? new URL(`bilingual/${page}/#${id}`, langRoot(lang, root)).href : null;
}

/** The clause a location hash names ("#c12-8" → "c12-8"), or null. */
export function clauseFromHash(hash) {
  let id = String(hash || "").replace(/^#/, "");
  try { id = decodeURIComponent(id); } catch (e) { return null; }
  return CLAUSE_ID.test(id) ? id : null;
}

/** A search entry's address `page/?clause=c12-8` (overrides/hooks/search_clauses.py) as
    the reader should see and copy it, `page/#c12-8`; null when it names no clause. */
export function clauseParamUrl(href, base) {
  const url = new URL(href, base);
  const id = url.searchParams.get("clause");
  if (!id || !CLAUSE_ID.test(id)) return null;
  url.searchParams.delete("clause");
  url.hash = "#" + id;
  return url;
}

/** The edition a page shows (handbook/editions.py): the date its head script picked
    for the reader's day (<html data-edition>), and the site's files that differ from
    that date on, from the page's <script id="handbook-editions">; null when the page
    shows the build's own text. */
export function pageEdition(doc = globalThis.document) {
  const day = doc && doc.documentElement ? doc.documentElement.getAttribute("data-edition") : null;
  const data = day && doc.getElementById("handbook-editions");
  if (!data) return null;
  try {
    return { day, files: JSON.parse(data.textContent).files[day] || [] };
  } catch (e) {
    return null;
  }
}

/** A file's path from the site root, as the edition shown has it: "clauses.json", or
    "editions/2027-04-01/clauses.json" when that date's build wrote it otherwise. */
export function editionPath(path, edition) {
  return edition && edition.files.includes(path) ? `editions/${edition.day}/${path}` : path;
}
