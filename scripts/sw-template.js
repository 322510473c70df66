/* The handbook's service worker: after one visit, the handbook and its
 * calculators work with the server unreachable (a laptop taken to a meeting
 * room with no network).
 *
 * scripts/build_service_worker.py writes site/sw.js: the two constants below,
 * then this file. VERSION is a hash of every precached file's path and bytes,
 * so each build that changes anything installs a fresh cache and drops the old.
 *
 * - install (only when sw-register.js registers it: when the reader chooses
 *   "save for offline use"): precache every page (both languages, short links /c/…), the CSS,
 *   scripts, icons, search indexes, clauses.json and the calculators engine
 *   (Pyodide + the calculators wheel + pyodide-lock.json). All or nothing: if
 *   one file fails, the new cache is deleted and the install fails, so the
 *   previous version (if any) stays in charge; a half cache is never used.
 * - fetch (same-origin GET only): the calculators' memory snapshot, whose name holds
 *   the hash of its bytes (assets/pyodide/calculators-<hash>.snapshot), from the
 *   cache first; everything else network first, so that a new build is seen
 *   at once while online and the pages never mix with scripts of an older
 *   build; the precache answers when the network fails or does not answer
 *   within NETWORK_TIMEOUT_MS. Lookups ignore the query string (calculator
 *   prefill ?members=…, search highlight ?h=…).
 * - activate: delete this site's older caches and take over open pages.
 */
"use strict";

const CACHE = "handbook-" + VERSION;
const CACHE_PREFIX = "handbook-";
const CHUNK = 40;                 // requests in flight during install
const NETWORK_TIMEOUT_MS = 4000;  // "lie-fi": connected, but nothing answers

const SCOPE = new URL("./", self.location.href);
const abs = (path) => new URL(path, SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      for (let i = 0; i < PRECACHE.length; i += CHUNK) {
        // "no-cache": revalidate with the server, never store an older HTTP-cached copy.
        // "low": the pages the reader opens meanwhile come first.
        await cache.addAll(PRECACHE.slice(i, i + CHUNK)
          .map((path) => new Request(abs(path), { cache: "no-cache", priority: "low" })));
      }
    } catch (error) {
      await caches.delete(CACHE);
      throw error;                // the install fails; the previous version stays
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// A copy of a cached response that carries no address of its own, so the browser
// gives it the address asked for. A worker's address is its response's: the search
// worker (…/handbook-search.js?material=search.….min.js) reads its query string,
// which the cached copy (stored without it) would drop.
function asRequested(hit) {
  return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit && request.mode !== "navigate" && new URL(request.url).search) return asRequested(hit);
  if (hit || request.mode !== "navigate") return hit;
  // /ch01 and /ch01/index.html are the page cached as /ch01/.
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -10);
  else if (!url.pathname.endsWith("/")) url.pathname += "/";
  return cache.match(url.href);
}

async function networkFirst(event) {
  const request = event.request;
  const network = fetch(request);
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;                    // the network answered in time
    const cached = await fromCache(request);    // too slow: the cache, if it has it
    return cached || await network;
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw error;                                // not precached: the browser's own error
  } finally {
    clearTimeout(timer);
  }
}

const IMMUTABLE = /\/assets\/pyodide\/calculators-[0-9a-f]{16}\.snapshot$/;

async function cacheFirst(event) {
  const cached = await fromCache(event.request);
  return cached || fetch(event.request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(event) : networkFirst(event));
});
