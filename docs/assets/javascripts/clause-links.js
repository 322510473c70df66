/* The link button on every clause and its menu: copy the full link, the short
   link (for paper), the link pinned to the version on screen, the Chinese or
   English citation (the Chinese one also without its link, for body text), or
   open the side-by-side view. The announcement shows what was copied.

   A clause also carries data-version-link, the permanent address of the version
   shown (/v/<date or "original">/chNN/#id, handbook/versions.py); on a
   point-in-time page (data-pinned) the full link and the citations carry that
   address, and the citations name the version (data-cite-*, written there).

   Clause paragraphs carry data-cite-zh and data-cite-en (the one citation format,
   handbook/citations.py, written by overrides/hooks/clause_links.py). The button
   holds an icon only, so the paragraph's text stays exactly the clause text; on
   paper the clause shows its short link with the address the page is served from
   (data-print-ref, clause-links.css). */
import { withLink } from "./citations.js";
import { copyText } from "./copy.js";
import { LANG, bilingualUrl, clauseUrl, shortUrl } from "./site.js";
import { fill, uiText } from "./ui-text.js";

const T = uiText(LANG);
const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';
const ITEMS = [["link", T.copyLink], ["short", T.copyShort], ["zh", T.copyZh], ["zhPlain", T.copyZhPlain],
               ["en", T.copyEn], ["version", T.copyVersion]];

/**
 * What each menu item copies for clause `id` on a page in `lang`: the chapter page
 * and the short link in the page's language, each citation with its short link, and
 * the Chinese citation alone.
 * cites: {zh, en} (the paragraph's data-cite-zh / data-cite-en).
 * version: {url, pinned} (the absolute data-version-link, and whether the page is a
 * point-in-time page), or null: then there is no "version" item.
 */
export function copyTexts(id, cites, lang, root, version = null) {
  const pinned = Boolean(version && version.pinned);
  return {
    link: pinned ? version.url : clauseUrl(id, lang, root),
    short: shortUrl(id, lang, root),
    ...(version ? { version: version.url } : {}),
    zh: withLink(cites.zh, pinned ? version.url : shortUrl(id, "zh", root), "zh"),
    zhPlain: cites.zh,      // for the body of a 公文, where the link would be deleted by hand
    en: withLink(cites.en, pinned ? version.url : shortUrl(id, "en", root), "en"),
  };
}

/** The paragraph's version: its permanent address made absolute, and whether pinned. */
export function versionOf(el, base) {
  const path = el.getAttribute("data-version-link");
  return path ? { url: new URL(path, base).href, pinned: el.hasAttribute("data-pinned") } : null;
}

/** The clause as the button names it: its citation without the name of the work. */
export function buttonName(citation) {
  return citation.replace(/^《[^》]*》|^Yongding Office Rules, /, "");
}

let menu = null;
let menuFor = null;     // the clause paragraph the open menu is for
let menuButton = null;

function items() { return [...menu.querySelectorAll("[role=menuitem]")].filter((b) => !b.hidden); }

function buildMenu() {
  menu = document.createElement("div");
  menu.className = "clause-menu";
  menu.setAttribute("role", "menu");
  menu.hidden = true;
  for (const [kind, label] of ITEMS) {
    const b = document.createElement("button");
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.setAttribute("data-copy", kind);
    b.textContent = label;
    menu.appendChild(b);
  }
  const bi = document.createElement("a");
  bi.setAttribute("role", "menuitem");
  bi.className = "clause-menu__bilingual";
  bi.textContent = T.bilingual;
  menu.appendChild(bi);
  menu.addEventListener("click", (ev) => {
    const b = ev.target.closest("[data-copy]");
    if (!b || !menuFor) return;
    const kind = b.getAttribute("data-copy");
    const el = menuFor;
    closeMenu(true);
    const cites = { zh: el.getAttribute("data-cite-zh"), en: el.getAttribute("data-cite-en") };
    const text = copyTexts(el.id, cites, LANG, undefined, versionOf(el, location.href))[kind];
    copyText(text, T.copied[kind], { show: true });
  });
  menu.addEventListener("keydown", menuKeys);
  document.body.appendChild(menu);
}

function menuKeys(ev) {
  const list = items();
  const i = list.indexOf(document.activeElement);
  const go = (n) => { list[(n + list.length) % list.length].focus(); ev.preventDefault(); };
  if (ev.key === "ArrowDown") go(i + 1);
  else if (ev.key === "ArrowUp") go(i - 1);
  else if (ev.key === "Home") go(0);
  else if (ev.key === "End") go(list.length - 1);
  else if (ev.key === "Escape") { closeMenu(true); ev.preventDefault(); }
  else if (ev.key === "Tab") closeMenu(false);
}

function openMenu(button, el) {
  if (!menu) buildMenu();
  if (menuFor === el && !menu.hidden) { closeMenu(true); return; }
  closeMenu(false);
  menuFor = el;
  menuButton = button;
  menu.querySelector(".clause-menu__bilingual").href = bilingualUrl(el.id, LANG);
  menu.querySelector('[data-copy="version"]').hidden = !el.hasAttribute("data-version-link");
  menu.hidden = false;
  el.classList.add("has-menu");
  button.setAttribute("aria-expanded", "true");
  const r = button.getBoundingClientRect();
  const width = menu.offsetWidth;
  const left = Math.max(8, Math.min(r.right - width, document.documentElement.clientWidth - width - 8));
  menu.style.left = `${left + window.scrollX}px`;
  // Below the button, or above it when the screen has no room below (the last clauses).
  const height = menu.offsetHeight;
  const above = r.bottom + 4 + height > window.innerHeight && r.top - 4 - height >= 0;
  menu.style.top = `${(above ? r.top - 4 - height : r.bottom + 4) + window.scrollY}px`;
  menu.classList.toggle("is-above", above);
  items()[0].focus();
}

function closeMenu(refocus) {
  if (!menu || menu.hidden) return;
  menu.hidden = true;
  if (menuFor) menuFor.classList.remove("has-menu");
  if (menuButton) {
    menuButton.setAttribute("aria-expanded", "false");
    if (refocus) menuButton.focus();
  }
  menuFor = null;
}

function addButtons() {
  for (const el of document.querySelectorAll("p.clause[id][data-cite-zh]")) {
    if (el.querySelector(".clause-link")) continue;
    const label = fill(T.button, { citation: buttonName(el.getAttribute(LANG === "en" ? "data-cite-en" : "data-cite-zh")) });
    const b = document.createElement("button");
    b.type = "button";
    b.className = "clause-link";
    b.setAttribute("aria-label", label);
    b.setAttribute("title", label);
    b.setAttribute("aria-haspopup", "menu");
    b.setAttribute("aria-expanded", "false");
    b.innerHTML = ICON;    // a constant: no page or user text
    b.addEventListener("click", (ev) => { ev.preventDefault(); openMenu(ev.currentTarget, el); });
    el.appendChild(b);
    el.setAttribute("data-print-ref", shortUrl(el.id, LANG));
  }
}

function init() {
  addButtons();
  document.addEventListener("click", (ev) => {
    if (menu && !menu.hidden && !menu.contains(ev.target) &&
        !(menuButton && menuButton.contains(ev.target))) closeMenu(false);
  });
}

if (globalThis.document) init();   // (a module runs once the page is parsed; Node imports only the functions)
