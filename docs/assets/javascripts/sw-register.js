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

  /* The first visit to a calculator page must not share the network with a
     20 MB precache: wait until every calculator on the page has its engine
     (or has given up), at most 30 s, then register. */
  function whenEnginesSettled(done) {
    var forms = document.querySelectorAll("form[data-calculator]");
    var settled = function () {
      for (var i = 0; i < forms.length; i++) {
        var state = forms[i].getAttribute("data-engine");
        if (state !== "ready" && state !== "failed") return false;
      }
      return true;
    };
    if (!forms.length || settled()) return done();
    var finished = false;
    var finish = function () { if (!finished) { finished = true; observer.disconnect(); done(); } };
    var observer = new MutationObserver(function () { if (settled()) finish(); });
    for (var i = 0; i < forms.length; i++)
      observer.observe(forms[i], { attributes: true, attributeFilter: ["data-engine"] });
    setTimeout(finish, 30000);
  }

  function start() { whenEnginesSettled(register); }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
