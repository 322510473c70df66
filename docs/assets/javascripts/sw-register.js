/* Offline copy of the handbook: the service worker (sw.js at the site root,
 * written by scripts/build_service_worker.py) precaches every page and the
 * calculators engine, about PRECACHE_BYTES in all.
 *
 * It is registered only when the reader has a use for it, never silently on a
 * first visit:
 * - when the reader chooses "save for offline use" (离线保存), a button that shows
 *   the size, at the end of the home pages and of every page with a calculator;
 * - or once a calculator on the page has given an answer (the engine is in use),
 *   after a pause, so the precache does not compete with the answer, and not when
 *   the browser asks to save data (Save-Data): then only the button does it;
 * - or when it is registered already (a later visit): registering again only lets
 *   the browser look for a new sw.js.
 *
 * The worker's scope is the site root (site.js), on Chinese (/) and English (/en/)
 * pages alike. Service workers need a secure context: https, or http on
 * localhost / 127.0.0.1.
 */
import { LANG, SITE_ROOT } from "./site.js";

var PRECACHE_BYTES = 0; /* set by scripts/build_service_worker.py */
var AFTER_USE_MS = 5000;

function offlineCopy() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (!/^https?:$/.test(location.protocol)) return;
  var root = SITE_ROOT;
  var zh = LANG !== "en";
  var saveData = Boolean(navigator.connection && navigator.connection.saveData);
  var started = false;
  var button = null;

  var TEXT = zh ? {
    offer: "离线保存（约 {size} MB）",
    hint: "保存后，断网时也能阅读本手册并使用计算器。",
    saving: "正在离线保存（约 {size} MB）…",
    saved: "已离线保存：断网时也能阅读本手册并使用计算器。",
    failed: "未能离线保存（浏览器拒绝或存储空间不足）。在线阅读不受影响。"
  } : {
    offer: "Save for offline use (about {size} MB)",
    hint: "Once saved, the handbook and its calculators work without the network.",
    saving: "Saving for offline use (about {size} MB)…",
    saved: "Saved for offline use: the handbook and its calculators work without the network.",
    failed: "Could not save for offline use (refused by the browser, or not enough space). Reading online is unaffected."
  };
  function text(key) {
    return TEXT[key].replace("{size}", String(Math.max(1, Math.round(PRECACHE_BYTES / 1e6))));
  }

  function say(key) {
    if (!button) return;
    var note = button.parentNode.querySelector("[data-offline-note]");
    if (note) note.textContent = text(key);
    if (key !== "offer") button.hidden = true;
    button.parentNode.setAttribute("data-offline-state", key);
  }

  function register() {
    if (started) return;
    started = true;
    say("saving");
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { say("saved"); })
      .catch(function (error) {
        // No sw.js (e.g. `make dev`) or storage refused: the handbook works online anyway.
        console.warn("Offline copy unavailable:", error && error.message ? error.message : error);
        say("failed");
      });
  }

  function offer() {
    var home = /^\/(en\/)?$/.test(new URL(location.href).pathname.slice(root.pathname.length - 1));
    var calculator = document.querySelector("form[data-calculator]");
    var article = document.querySelector(".md-content__inner");
    if (!article || (!home && !calculator)) return;
    var box = document.createElement("p");
    box.className = "offline-save";
    box.setAttribute("data-offline-save", "");
    button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text("offer");
    var note = document.createElement("span");
    note.setAttribute("data-offline-note", "");
    note.setAttribute("role", "status");
    note.textContent = " " + text("hint");
    button.addEventListener("click", register);
    box.appendChild(button);
    box.appendChild(note);
    article.appendChild(box);
  }

  function start() {
    navigator.serviceWorker.getRegistration(root.href).then(function (existing) {
      if (existing) { register(); return; }        // saved before: look for updates
      offer();
      if (saveData) return;                        // only when the reader asks
      document.addEventListener("calculators:used", function () {
        setTimeout(register, AFTER_USE_MS);
      }, { once: true });
    }).catch(function () { /* storage blocked: nothing to offer */ });
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
}

offlineCopy();
