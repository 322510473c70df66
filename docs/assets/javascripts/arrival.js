/* Arriving at a clause (#c12-8, a short link, a search result): highlight it and
   keep it below the fixed header (scroll-margin-top, handbook.css).

   .is-arrived copies what :target shows (handbook.css) because handbook.js moves
   a search result's ?clause= to the hash with history.replaceState, which does
   not update :target; and hashchange moves the highlight. */
import { clauseFromHash } from "./site.js";

function arrive(scroll) {
  const id = clauseFromHash(window.location.hash);
  const el = id && document.getElementById(id);
  if (!el) return;
  for (const old of document.querySelectorAll(".is-arrived")) old.classList.remove("is-arrived");
  el.classList.add("is-arrived");
  if (scroll) el.scrollIntoView({ block: "start" });
}

arrive(false);
window.addEventListener("load", () => arrive(true));
window.addEventListener("hashchange", () => arrive(true));
