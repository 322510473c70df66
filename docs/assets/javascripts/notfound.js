/* The 404 page (overrides/404.html): shows the address asked for and, when it
   looks like a clause or chapter (/c/12-99/, /c/第十二章第8条/, /ch7/), a link to
   the likely target; its search buttons open the site search. Which chapters and
   clauses exist is read from clauses.json (clause-table.js), never written here. */
import { parseRefs, refId } from "./citations.js";
import { clauseByNumber, clauseTable } from "./clause-table.js";
import { SITE_ROOT, chapterPath, localDay } from "./site.js";

/**
 * The page a mistyped address most likely meant, as a path from the server root
 * ("/ch12/#c12-8", "/en/ch12/"), or null.
 * path: the address asked for (location.pathname); rootPath: the site root's path
 * ("/", or "/handbook/" when served under a prefix); table: indexTable(clauses.json).
 */
export function suggestion(path, rootPath, table, day = localDay()) {
  let rel = path.startsWith(rootPath) ? path.slice(rootPath.length) : path.replace(/^\//, "");
  try { rel = decodeURIComponent(rel); } catch (e) { /* keep it encoded */ }
  const lang = /^en\//.test(rel) ? "en/" : "";
  rel = rel.replace(/^en\//, "")
    .replace(/^(?:c|cite|clause)\//i, "")   // a short link: /c/12-8/
    .replace(/\/+$/, "")
    .replace(/^(\d{1,3})$/, "c$1");          // a chapter short link: /c/12/ (a page /ch7/ reads as is)
  const ref = parseRefs(rel, table.chapters).refs[0];
  if (!ref || !table.chapters.some((c) => c.n === ref.chapter)) return null;
  // A short link names a clause by its id (/c/12-8/); words name it by the number it
  // prints today (/c/第十一章第6条/). Else its parent clause (a sub-item that does not
  // exist), else the chapter.
  const byNumber = !/^c?\d{1,3}[-.]\d/.test(rel);
  const found = (r) => (byNumber ? clauseByNumber(table, r, day) : table.byId[refId(r)]);
  const hit = ref.item === null ? null : (found(ref) || found({ ...ref, sub: null }));
  const id = hit ? hit.id : null;
  return `${rootPath}${lang}${chapterPath(ref.chapter)}/${id ? "#" + id : ""}`;
}

function init() {
  const box = document.querySelector(".notfound");
  if (!box) return;
  const path = window.location.pathname;
  for (const code of box.querySelectorAll(".notfound-path")) code.textContent = path;
  clauseTable().then((table) => {
    const target = suggestion(path, SITE_ROOT.pathname, table);
    if (!target) return;
    for (const p of box.querySelectorAll(".notfound-suggest")) {
      const a = p.querySelector("a");
      a.href = target;
      a.textContent = target;
      p.hidden = false;
    }
  }, () => { /* no table: no suggestion, the search button still works */ });
  for (const button of box.querySelectorAll(".notfound-search")) {
    button.addEventListener("click", () => {
      const toggle = document.getElementById("__search");
      if (toggle) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
      const input = document.querySelector(".md-search__input");
      if (input) input.focus();
    });
  }
}

if (globalThis.document) init();   // (a module runs once the page is parsed; Node imports only the functions)
