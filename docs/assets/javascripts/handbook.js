/* Handbook page behaviour. No network access. */
import { clauseParamUrl } from "./site.js";

/* Search entries for clauses are located at `page/?clause=cX-Y` (see
   overrides/hooks/search_clauses.py); the reader should see and copy the
   clause anchor instead. */
function clauseUrl(href) {
  return clauseParamUrl(href, window.location.href);
}

function arriveFromParam() {
  var url = clauseUrl(window.location.href);
  if (!url) return;
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  var el = document.getElementById(url.hash.slice(1));
  if (el) el.scrollIntoView();
}

/* The words the page arrived at marks (?h=): a lone Chinese character (元 of
   "5000元") would mark every one on the page, the form labels' included; an empty
   list (a clause found by its number) marks nothing. */
function highlightWords(value) {
  return value.split(/\s+/).filter(function (w) { return w && !/^\p{sc=Han}$/u.test(w); }).join(" ");
}

function rewriteResultLinks(root) {
  var links = root.querySelectorAll("a.md-search-result__link");
  for (var i = 0; i < links.length; i++) {
    var url = clauseUrl(links[i].href) || new URL(links[i].href, window.location.href);
    if (url.searchParams.has("h")) {
      var words = highlightWords(url.searchParams.get("h"));
      if (words) url.searchParams.set("h", words);
      else url.searchParams.delete("h");
    }
    if (url.href !== links[i].href) links[i].setAttribute("href", url.href);
  }
}

/* The index joins jieba's words with U+200B; a reader who copies a result
   (or a screen reader) should not meet them. */
function dropWordJoiners(root) {
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.indexOf("\u200b") >= 0) node.data = node.data.replace(/\u200b/g, "");
  }
}

function watchSearchResults() {
  var list = document.querySelector(".md-search-result__list");
  if (!list) return;
  new MutationObserver(function () { rewriteResultLinks(list); dropWordJoiners(list); })
    .observe(list, { childList: true, subtree: true });
}

/* Material searches on keyup. Text that arrives without a key (pasted from the
   context menu, handwriting, voice, an IME that sends no key event) would leave
   "type to start searching" on screen: each finished input counts as a keyup.
   Material ignores a value it has already searched. */
function searchOnEveryInput() {
  var box = document.querySelector("input.md-search__input");
  if (!box) return;
  function searchNow(ev) {
    if (ev.isComposing) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  box.addEventListener("input", searchNow);
  box.addEventListener("compositionend", searchNow);
}

/* The clause the reader is on: the linked one while it is in view, else the
   clause at the top of the viewport (just below the fixed header). */
function currentClauseId() {
  var header = document.querySelector(".md-header");
  var top = header ? header.getBoundingClientRect().bottom : 0;
  var hash = decodeURIComponent(window.location.hash.slice(1));
  var linked = hash && document.getElementById(hash);
  if (linked && linked.classList.contains("clause")) {
    var box = linked.getBoundingClientRect();
    if (box.bottom > top && box.top < window.innerHeight) return hash;
  }
  var clauses = document.querySelectorAll(".clause[id]");
  for (var i = 0; i < clauses.length; i++) {
    var r = clauses[i].getBoundingClientRect();
    if (r.bottom > top + 8 && r.top < window.innerHeight) return clauses[i].id;
  }
  return linked ? hash : "";
}

/* Switching language keeps the page (static-i18n links it) and the clause. */
function keepPlaceOnLanguageSwitch(ev) {
  var link = ev.target instanceof Element && ev.target.closest("a[hreflang]");
  if (!link) return;
  var id = currentClauseId();
  var url = new URL(link.href, window.location.href);
  url.hash = id ? "#" + id : window.location.hash;
  /* A calculator's inputs live in the query string and mean the same in both
     languages: the answer comes along. */
  if (document.querySelector("form[data-calculator]") && window.location.search) {
    url.search = window.location.search;
  }
  link.href = url.href;
}

/* Tab stops that show nothing: Material's theme toggle focuses a 0×0 radio
   input (its visible label never shows focus), and Material gives the search's
   result area tabindex=0 even while it is empty and 0 px high. The label becomes
   the control; the result area leaves the tab order (its result links are the
   stops, and while empty it is no scroller: handbook.css). */
function fixTabStops() {
  var inputs = document.querySelectorAll("[data-md-component=palette] input.md-option");
  for (var i = 0; i < inputs.length; i++) inputs[i].setAttribute("tabindex", "-1");
  var labels = document.querySelectorAll("[data-md-component=palette] label.md-header__button");
  for (var j = 0; j < labels.length; j++) {
    var label = labels[j];
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (!label.getAttribute("aria-label") && label.title) label.setAttribute("aria-label", label.title);
    label.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      var target = ev.currentTarget;
      target.click();
      /* the other label is shown now: keep the focus on the toggle */
      setTimeout(function () {
        var shown = document.querySelector("[data-md-component=palette] label.md-header__button:not([hidden])");
        if (shown) shown.focus();
      }, 0);
    });
  }
  var wrap = document.querySelector(".md-search__scrollwrap");
  if (wrap) wrap.setAttribute("tabindex", "-1");
}

arriveFromParam();
fixTabStops();
watchSearchResults();
searchOnEveryInput();
["pointerdown", "keydown", "click"].forEach(function (type) {
  document.addEventListener(type, keepPlaceOnLanguageSwitch, true);
});
