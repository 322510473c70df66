/* Offline copy of the handbook: the service worker (sw.js at the site root,
 * written by scripts/build_service_worker.py) precaches every page and the
 * calculators engine, PRECACHE_BYTES in all (the sum of exactly the files it
 * caches, as Cache Storage keeps them: decoded, whatever the server compressed).
 *
 * It is registered only when the reader asks for it, never silently: a button
 * "save for offline use" (离线保存) that shows that size, at the end of the home
 * pages and of every page with a calculator. Using a calculator saves nothing
 * (the engine keeps its own files for the next page: calculators/worker.js). Once
 * registered, a later visit registers again, which only lets the browser look
 * for a new sw.js, and the box says the copy is saved, with the size measured
 * from the cache itself.
 *
 * The worker's scope is the site root (site.js), on Chinese (/) and English (/en/)
 * pages alike. Service workers need a secure context: https, or http on
 * localhost / 127.0.0.1.
 */
import { LANG, SITE_ROOT } from "./site.js";

var PRECACHE_BYTES = 0; /* set by scripts/build_service_worker.py */
var CACHE_PREFIX = "handbook-"; /* sw.js's cache: handbook-<version> */

function offlineCopy() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (!/^https?:$/.test(location.protocol)) return;
  var root = SITE_ROOT;
  var zh = LANG !== "en";
  var started = false;
  var button = null;

  var TEXT = zh ? {
    offer: "离线保存（约 {size} MB）",
    hint: "保存后，断网时也能阅读本手册并使用计算器。",
    saving: "正在离线保存（约 {size} MB）…",
    saved: "已离线保存（{size} MB）：断网时也能阅读本手册并使用计算器。",
    failed: "未能离线保存（浏览器拒绝或存储空间不足）。在线阅读不受影响。"
  } : {
    offer: "Save for offline use (about {size} MB)",
    hint: "Once saved, the handbook and its calculators work without the network.",
    saving: "Saving for offline use (about {size} MB)…",
    saved: "Saved for offline use ({size} MB): the handbook and its calculators work without the network.",
    failed: "Could not save for offline use (refused by the browser, or not enough space). Reading online is unaffected."
  };
  function megabytes(bytes, decimals) {
    var mb = bytes / 1e6;
    return decimals ? (Math.max(0.1, mb)).toFixed(1) : String(Math.max(1, Math.round(mb)));
  }
  function text(key, bytes) {
    var exact = typeof bytes === "number";
    var size = megabytes(exact ? bytes : PRECACHE_BYTES, exact);
    return TEXT[key].replace("{size}", size);
  }

  /* What the offline copy holds, measured: the bytes of every response in its
     cache (while a new build's copy is being made beside it, the larger one). */
  async function cachedBytes() {
    var largest = 0;
    for (var name of await caches.keys()) {
      if (name.indexOf(CACHE_PREFIX) !== 0) continue;
      var cache = await caches.open(name);
      var total = 0;
      for (var request of await cache.keys()) {
        var response = await cache.match(request);
        if (response) total += (await response.blob()).size;
      }
      largest = Math.max(largest, total);
    }
    return largest;
  }

  function say(key, bytes) {
    if (!button) return;
    var note = button.parentNode.querySelector("[data-offline-note]");
    if (note) note.textContent = text(key, bytes);
    button.hidden = key !== "offer";
    button.parentNode.setAttribute("data-offline-state", key);
  }

  function saved() {
    return cachedBytes().then(function (bytes) {
      if (bytes > 0) say("saved", bytes);
      else say("saved");
    }, function () { say("saved"); });
  }

  function register(quiet) {
    if (started) return;
    started = true;
    if (!quiet) say("saving");
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { if (!quiet) return saved(); })
      .catch(function (error) {
        // No sw.js (e.g. `make dev`) or storage refused: the handbook works online anyway.
        console.warn("Offline copy unavailable:", error && error.message ? error.message : error);
        if (!quiet) say("failed");
      });
  }

  function offer() {
    var home = /^\/(en\/)?$/.test(new URL(location.href).pathname.slice(root.pathname.length - 1));
    var calculator = document.querySelector("form[data-calculator]");
    var article = document.querySelector(".md-content__inner");
    if (!article || (!home && !calculator)) return false;
    var box = document.createElement("p");
    box.className = "offline-save";
    box.setAttribute("data-offline-save", "");
    box.setAttribute("data-offline-state", "offer");
    button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text("offer");
    var note = document.createElement("span");
    note.setAttribute("data-offline-note", "");
    note.setAttribute("role", "status");
    note.textContent = " " + text("hint");
    button.addEventListener("click", function () { register(false); });
    box.appendChild(button);
    box.appendChild(note);
    article.appendChild(box);
    return true;
  }

  function start() {
    navigator.serviceWorker.getRegistration(root.href).then(function (existing) {
      var shown = offer();
      if (!existing) return;                       // only when the reader asks
      if (!existing.active) { register(false); return; }   // still saving (a page left mid-way)
      if (shown) saved();                          // saved before: say so, with its size
      register(true);                              // and look for a new sw.js
    }).catch(function () { /* storage blocked: nothing to offer */ });
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
}

offlineCopy();
