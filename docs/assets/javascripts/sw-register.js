/* Offline after the first visit: register the service worker (sw.js at the
 * site root, written by scripts/build_service_worker.py). It caches the
 * handbook and the calculators engine once the page has loaded.
 *
 * This script is <root>/assets/javascripts/sw-register.js, so the root is two
 * folders up, on Chinese (/) and English (/en/) pages alike. Service workers
 * need a secure context: https, or http on localhost / 127.0.0.1.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (!/^https?:$/.test(location.protocol)) return;
  var root = new URL("../../", script.src);

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .catch(function (error) {
        // No sw.js (e.g. `make dev`) or storage refused: the handbook works online anyway.
        console.warn("Offline copy unavailable:", error && error.message ? error.message : error);
      });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
