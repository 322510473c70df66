// The calculators engine: Pyodide in a module Web Worker, so the page never freezes.
// Loaded from the site's own copy (assets/pyodide/); the calculators wheel (and any
// package it depends on) comes through loadPackage, sha256-checked against
// pyodide-lock.json.
//
// Fast path: restore the build-time memory snapshot (snapshot.js, which holds all of
// the private snapshot API) instead of booting Python and importing the package.
// Any doubt about the snapshot, or any failure restoring it, falls back to the
// normal boot, which gives the same answers.
//
// Messages in:  {type: "init", indexURL, snapshot}   start (snapshot: false = never use it)
//               {type: "run", id, name, inputs}      inputs is a JSON string; name "__draft__":
//                                                    the drafting page (calculators.draft)
// Messages out: {type: "status", stage, via}         stage "download" | "start" | "package" | "ready";
//                                                    via "snapshot" | "boot"
//               {type: "progress", loaded, total}    bytes of the engine's files so far
//               {type: "note", kind: "snapshot-failed", message}   fell back to the normal boot
//               {type: "error", kind, message}       kind "missing" | "no_wasm" | "failed"
//               {type: "result", id, result}         result is a JSON string (calculators.run)
import * as snapshot from "./snapshot.js";

const PACKAGE = "yongding-calculators";
const PYTHON = `
import json
import calculators

def _calculators_run(name, payload):
    if name == "__draft__":   # the drafting page: a decision's text, read and checked
        from calculators import draft
        return draft.draft_json(json.loads(payload))
    return json.dumps(calculators.run(name, json.loads(payload)), ensure_ascii=False)
_calculators_run
`;

let engine = null;
let failed = false;

function post(message) { self.postMessage(message); }
// Timings for the benchmark: the page records them as performance marks.
function mark(name) { post({ type: "mark", name, at: performance.timeOrigin + performance.now() }); }

// A file that fails to load makes Emscripten abort inside Pyodide, which does not
// always reject loadPyodide's promise: report any stray failure at once.
function report(error, kind = "failed") {
  if (failed) return;
  failed = true;
  const message = String((error && (error.message || error.reason)) || error);
  post({ type: "error", kind: error && error.kind ? error.kind : kind, message });
}
function missing(what) {
  const error = new Error(what);
  error.kind = "missing";
  return error;
}
// While (or after) a snapshot is tried, a stray failure belongs to that attempt: it
// aborts the attempt (the normal boot follows) instead of failing the engine.
let abortSnapshot = null;
let snapshotTried = false;
function stray(error) {
  if (abortSnapshot) abortSnapshot(error instanceof Error ? error : new Error(String(error)));
  else if (snapshotTried) console.info("calculators: after the snapshot attempt:", error);
  else report(error);
}
self.addEventListener("unhandledrejection", (event) => stray(event.reason));
self.addEventListener("error", (event) => stray(event.message));

// Pyodide 314 catches a failed WebAssembly instantiation (e.g. the .wasm answered
// 404), logs "wasm instantiation failed!" with console.warn and then waits forever.
// Turn that warning into a failure the page can explain at once.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].startsWith("wasm instantiation failed")) {
    const error = new Error("WebAssembly instantiation failed");
    if (abortSnapshot) abortSnapshot(error); else report(error);
  }
  warn(...args);
};

// ------------------------------------------------------------ fetch, counted
// Every request for the engine's files goes through here: the bytes are counted for
// the page's progress (on a clone, so Pyodide still gets the browser's own response
// and the browser can reuse its compiled WebAssembly), a missing file is reported at
// once (Pyodide would wait silently), and prefetched files are handed over.
const realFetch = self.fetch.bind(self);
const prefetched = new Map(); // URL -> Promise<Response>
const expected = new Map();   // URL -> size in bytes
let loaded = 0;
let lastPost = 0;
let indexRoot = "";

function progress(bytes, force) {
  loaded += bytes;
  const now = performance.now();
  if (!force && now - lastPost < 150) return;
  lastPost = now;
  let total = 0;
  for (const size of expected.values()) total += size;
  post({ type: "progress", loaded, total: Math.max(total, loaded) });
}

async function countBody(response) {
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress(value.byteLength);
    }
    progress(0, true);
  } catch (error) { /* the real body reports its own failure */ }
}

function track(url, request, optional) {
  return request.then((response) => {
    if (!response.ok) {
      if (!optional) report(missing(`${url.slice(indexRoot.length)}: HTTP ${response.status}`));
      return response;
    }
    const length = Number(response.headers.get("Content-Length"));
    if (length && !expected.has(url)) expected.set(url, length);
    if (response.body && !url.endsWith(".snapshot")) countBody(response.clone());
    return response;
  }, (error) => {
    if (!optional) report(missing(`${url.slice(indexRoot.length)}: ${error.message}`));
    throw error;
  });
}

// Pyodide's two big files are kept in Cache Storage, keyed by the Pyodide version
// (the same version is the same bytes: they are copied from the pinned npm package),
// so that the next page gets them without the network even where the browser's HTTP
// cache does not keep files this large (e.g. a private window).
const ENGINE_CACHE = "calculators-engine"; // not "handbook-…": sw.js deletes those
const KEPT = /\/(pyodide\.asm\.wasm|python_stdlib\.zip)$/;
let pyodideVersion = null;
const keptKey = (url) => `${url}?pyodide=${pyodideVersion}`;

async function fromKept(url) {
  try {
    if (!self.caches || !pyodideVersion) return null;
    return (await (await caches.open(ENGINE_CACHE)).match(keptKey(url))) || null;
  } catch (error) {
    return null;
  }
}

function keep(url, response) {
  if (!self.caches || !pyodideVersion) return;
  const key = keptKey(url);
  caches.open(ENGINE_CACHE).then(async (cache) => {
    for (const old of await cache.keys()) {  // another Pyodide version: drop it
      if (old.url.split("?")[0] === url && old.url !== key) await cache.delete(old);
    }
    await cache.put(key, response);
  }).catch(() => {});
}

async function forgetKept() {
  if (self.caches) await caches.delete(ENGINE_CACHE);
}

self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (prefetched.has(url)) {
    const response = prefetched.get(url);
    prefetched.delete(url);
    return response;
  }
  if (!indexRoot || !url.startsWith(indexRoot)) return realFetch(input, init);
  if (KEPT.test(url)) {
    return fromKept(url).then((hit) => {
      if (hit) {
        expected.delete(url);
        mark("kept:" + url.slice(url.lastIndexOf("/") + 1));
        return hit;
      }
      return track(url, realFetch(input, init), false).then((response) => {
        if (response.ok) keep(url, response.clone());
        return response;
      });
    });
  }
  return track(url, realFetch(input, init), url.endsWith(".snapshot"));
};

function prefetch(url, init) {
  if (!prefetched.has(url)) prefetched.set(url, track(url, realFetch(url, init), false));
}

function hexToBase64(hex) {
  let binary = "";
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

// The calculators and every package of the lockfile they depend on.
function closure(lock, name, seen = new Map()) {
  const entry = lock.packages[name];
  if (!entry || seen.has(entry.name)) return seen;
  seen.set(entry.name, entry);
  for (const dep of entry.depends || []) closure(lock, dep, seen);
  return seen;
}

function makeRunner(pyodide) {
  return pyodide.runPython(PYTHON);
}

// --------------------------------------------------------------------- start

async function start(indexURL, allowSnapshot) {
  indexRoot = indexURL;
  mark("start");
  post({ type: "status", stage: "download" });
  if (typeof WebAssembly !== "object") {
    const error = new Error("WebAssembly is unavailable");
    error.kind = "no_wasm";
    throw error;
  }
  // The lockfile and the snapshot manifest are fetched first, in parallel with
  // pyodide.mjs; the wheels are prefetched as soon as the lockfile names them.
  const lockText = self.fetch(indexURL + "pyodide-lock.json").then((response) => {
    if (!response.ok) throw missing(`pyodide-lock.json: HTTP ${response.status}`);
    return response.text();
  });
  const manifest = !allowSnapshot ? Promise.resolve(null)
    : realFetch(indexURL + "snapshot.json", { cache: "no-cache" })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
  const module = import(indexURL + "pyodide.mjs");
  // loadPyodide imports pyodide.asm.mjs (1.3 MB) only later: start it now (the same
  // module instance is reused).
  import(indexURL + "pyodide.asm.mjs").catch(() => {});
  // The snapshot image is fetched (or read from Cache Storage) as soon as the manifest
  // and the lockfile agree, in parallel with Pyodide's own files; the check of the
  // Pyodide version loaded comes below.
  const abort = new AbortController();
  const image = Promise.all([manifest, lockText]).then(([m, text]) => {
    if (!snapshot.plan(m, text, snapshot.PINNED_PYODIDE).use) return null;
    mark("snapshot-download");
    expected.set(new URL(m.file, indexURL).href, m.bytes);
    return snapshot.load(indexURL, m, (n) => progress(n), abort.signal).then((got) => {
      if (got.cached) expected.delete(new URL(m.file, indexURL).href);
      mark(got.cached ? "snapshot-cached" : "snapshot-bytes");
      return got;
    });
  });
  image.catch(() => {});
  const known = (await manifest) || {};
  for (const [name, size] of Object.entries(known.sizes || {})) {
    if (!name.endsWith(".whl")) expected.set(new URL(name, indexURL).href, size);
  }
  const lock = JSON.parse(await lockText);
  const packages = [...closure(lock, PACKAGE).values()];
  if (!packages.length) throw missing(`${PACKAGE} is not in pyodide-lock.json`);
  const fetchPackages = () => {  // for loadPackage, in parallel with the boot
    for (const entry of packages) {
      const url = new URL(entry.file_name, indexURL).href;
      expected.set(url, (known.sizes || {})[entry.file_name] || 0);
      prefetch(url, { integrity: "sha256-" + hexToBase64(entry.sha256) });
    }
  };
  const { loadPyodide, version } = await module;
  pyodideVersion = version;
  mark("pyodide-module");
  const options = { indexURL, lockFileContents: lockText, packageBaseUrl: indexURL };

  const chosen = snapshot.plan(known.format ? known : null, await lockText, version);
  if (chosen.use) {
    let got = null;
    try {
      snapshotTried = true;
      const aborted = new Promise((resolve, reject) => { abortSnapshot = reject; });
      const bytes = image.then((result) => {
        got = result;
        post({ type: "status", stage: "start", via: "snapshot" });
        return result.image;
      });
      bytes.catch(() => {});
      const { run } = await Promise.race([
        snapshot.restore(loadPyodide, options, bytes, chosen, makeRunner, mark), aborted]);
      abortSnapshot = null;
      post({ type: "status", stage: "ready", via: "snapshot" });
      if (!got.cached) {  // for the next page: no download, no decompression
        mark("keep");
        snapshot.keep(indexURL, known, got.image).then(() => mark("kept"), () => {});
      }
      return run;
    } catch (error) {
      abortSnapshot = null;
      if (failed) throw error;  // a missing engine file: the normal boot would fail too
      console.info("calculators: snapshot not used, booting normally:", error && error.message);
      post({ type: "note", kind: "snapshot-failed", message: String(error && error.message) });
      if (got && got.cached) snapshot.forget(indexURL, known).catch(() => {});
    }
  } else {
    abort.abort();
    if (allowSnapshot) console.info("calculators: snapshot not used:", chosen.why);
  }
  for (const url of [...expected.keys()]) if (url.endsWith(".snapshot")) expected.delete(url);
  fetchPackages();

  const pyodide = await loadPyodide(options);
  mark("booted");
  post({ type: "status", stage: "package", via: "boot" });
  const problems = [];
  await pyodide.loadPackage(packages.map((entry) => entry.name), {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  for (const entry of packages) {
    if (!pyodide.loadedPackages[entry.name]) {
      throw new Error(`${entry.name} did not load: ${problems.join("; ")}`);
    }
  }
  const run = makeRunner(pyodide);
  post({ type: "status", stage: "ready", via: "boot" });
  return run;
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    if (!engine) {
      // Save-Data: the normal boot downloads about 7 MB less than the snapshot path.
      const saveData = Boolean(self.navigator.connection && self.navigator.connection.saveData);
      engine = start(msg.indexURL, msg.snapshot !== false && !saveData);
      engine.catch((error) => { report(error); forgetKept().catch(() => {}); });
    }
    return;
  }
  if (msg.type === "run") {
    let run;
    try {
      run = await engine;
    } catch (error) {
      return; // already reported
    }
    self.postMessage({ type: "result", id: msg.id, result: run(msg.name, msg.inputs) });
  }
};
