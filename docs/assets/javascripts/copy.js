/* Copying to the clipboard, with a spoken and visible announcement. Shared by the
   link menu (clause-links.js) and the citation builder (cite-builder.js).

   navigator.clipboard needs a secure context (https or localhost); on an http
   intranet fall back to execCommand("copy"), and where that fails too, show the
   text selected in a box, with how to copy it by hand. */
import { LANG } from "./site.js";
import { uiText } from "./ui-text.js";

const T = uiText(LANG);
let box = null;
let timer = null;

/** The live region, made on the first announcement. */
function statusBox() {
  if (box) return box;
  box = document.createElement("div");
  box.className = "clause-status";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  document.body.appendChild(box);
  return box;
}

/** Say `message`; with `shownText`, show that text under it (what was copied);
    with `manualText`, also show that text selected for copying by hand. */
export function announce(message, manualText, shownText) {
  const status = statusBox();
  status.textContent = "";
  clearTimeout(timer);
  const msg = document.createElement("span");
  msg.textContent = message;
  status.appendChild(msg);
  if (shownText && !manualText) {
    const copied = document.createElement("span");
    copied.className = "clause-status__text";
    copied.textContent = shownText;
    status.appendChild(copied);
  }
  status.classList.add("is-visible");
  if (!manualText) {
    timer = setTimeout(() => status.classList.remove("is-visible"), shownText ? 6000 : 4000);
    return;
  }
  const area = document.createElement("textarea");
  area.readOnly = true;
  area.value = manualText;
  area.className = "clause-status__manual";
  area.setAttribute("aria-label", message);
  const close = document.createElement("button");
  close.type = "button";
  close.className = "clause-status__close";
  close.textContent = T.close;
  close.addEventListener("click", () => { status.classList.remove("is-visible"); status.textContent = ""; });
  status.append(area, close);
  area.focus();
  area.select();
}

function legacyCopy(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  document.body.appendChild(area);
  const active = document.activeElement;
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove();
  if (active && active.focus) active.focus();
  return ok;
}

/** Copy `text`, then announce `done`, with the text itself when `show` (or, failing
    every way, show the text to copy by hand). */
export function copyText(text, done, { show = false } = {}) {
  const shown = show ? text : undefined;
  const fallback = () => {
    if (legacyCopy(text)) announce(done, undefined, shown);
    else announce(T.manual, text);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(() => announce(done, undefined, shown), fallback);
  } else {
    fallback();
  }
}
