// The calculators engine: Pyodide in a module Web Worker, so the page never freezes.
// Loaded from the site's own copy (assets/pyodide/); the calculators wheel (and any
// package it depends on) comes through loadPackage, sha256-checked against
// pyodide-lock.json.
//
// Dedicated or shared: the page's boot script (handbook/calculator_forms.py) makes it
// a SharedWorker when it can, so that the calculator pages share one running engine,
// which outlives a page (extendedLifetime): a page that connects to it when it runs
// already is told "ready" at once. First the engine asks the server for the snapshot
// manifest again: if the site has been rebuilt since it started, the page is told
// "stale" (with the new snapshot's sha256) and connects to an engine of that name.
// Messages about the start go to every page connected; a result only to the page that
// asked. When the start fails, a shared engine closes itself after saying so, so that
// the next page starts afresh.
//
// Fast path: restore the build-time memory snapshot (snapshot.js, which holds all of
// the private snapshot API) instead of booting Python and importing the package.
// The .wasm is fetched, compiled and instantiated while the snapshot downloads, and
// the restored engine mounts an empty standard library (every module it needs is in
// the snapshot), so Pyodide's 2.5 MB python_stdlib.zip is not fetched. Any doubt about the snapshot, or any failure restoring it, falls back to
// the normal boot, which gives the same answers.
//
// Messages in:  {type: "init", indexURL, snapshot}   start (snapshot: false = never use it)
//               {type: "run", id, name, inputs}      inputs is a JSON string; name "__draft__":
//                                                    the drafting page (calculators.draft)
// Messages out: {type: "status", stage, via}         stage "download" | "start" | "package" | "ready";
//                                                    via "snapshot" | "boot" | "running" (shared,
//                                                    started by an earlier page)
//               {type: "progress", loaded, total}    bytes of the engine's files so far
//               {type: "note", kind: "snapshot-failed", message}   fell back to the normal boot
//               {type: "error", kind, message}       kind "missing" | "no_wasm" | "failed"
//               {type: "result", id, result}         result is a JSON string (calculators.run)
//               {type: "stale", sha256}              shared: this engine is another build's
import * as snapshot from "./snapshot.js";

const evaluated = performance.timeOrigin + performance.now();  // for the benchmark's timeline

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
let identity = null;  // Promise: the sha256 of the snapshot manifest on the server when it started
let running = false;  // the engine answers
let failed = false;
const shared = typeof self.SharedWorkerGlobalScope === "function" && self instanceof self.SharedWorkerGlobalScope;
const ports = new Set();   // shared: the pages connected
const replay = new Map();  // shared: the last message of each kind about the start, for a page that joins
const earlyMarks = [];     // shared: the timings taken before the first page connected

function post(message) {
  if (!shared) {
    self.postMessage(message);
    return;
  }
  if (message.type !== "mark") replay.set(message.type, message);
  else if (!ports.size) earlyMarks.push(message);  // started before any page connected
  for (const port of ports) port.postMessage(message);
  // the next page starts a new engine (one that failed before any page connected
  // closes once a page has been told: see handle)
  if (message.type === "error" && ports.size) self.close();
}
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
// The server may send a pre-compressed copy (.br, .gz): the body then yields more
// bytes than travel, so what is counted is scaled to the size sent (Content-Length).
const realFetch = self.fetch.bind(self);
const prefetched = new Map(); // URL -> Promise<Response>
const expected = new Map();   // URL -> bytes that travel
const decodedSizes = new Map(); // URL -> size of the file itself (the manifest's)
const ratios = new WeakMap(); // Response -> bytes sent per byte of the file
let loaded = 0;
let lastPost = 0;
let indexRoot = "";

function wire(url, response) {
  if (!ratios.has(response)) {
    const length = Number(response.headers.get("Content-Length"));
    const size = decodedSizes.get(url.split("?")[0]);
    const encoded = Boolean(response.headers.get("Content-Encoding"));
    ratios.set(response, encoded && length && size ? length / size : 1);
    if (length || size) expected.set(url, encoded || !size ? length || size : size);
  }
  return ratios.get(response);
}

function progress(bytes, force) {
  loaded += bytes;
  const now = performance.now();
  if (!force && now - lastPost < 150) return;
  lastPost = now;
  let total = 0;
  for (const size of expected.values()) total += size;
  post({ type: "progress", loaded, total: Math.max(total, loaded) });
}

async function countBody(url, response) {
  try {
    const ratio = wire(url, response);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress(value.byteLength * ratio);
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
    if (response.body && !url.endsWith(".snapshot")) countBody(url, response.clone());
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

// ------------------------------------------------------- the engine's .wasm
// On the snapshot path the worker fetches pyodide.asm.wasm itself, at once, and
// compiles it while the snapshot downloads (Pyodide asks for it only once the
// snapshot is there: snapshot.restore hands it a buffer at once, so it goes on).
// Pyodide's own request gets the same response, and its instantiation the module
// already compiled.
let compiled = null; // Promise<WebAssembly.Module>, on the snapshot path
const WASM = /\/pyodide\.asm\.wasm(\?|$)/;
const instantiateStreaming = WebAssembly.instantiateStreaming
  && WebAssembly.instantiateStreaming.bind(WebAssembly);
if (instantiateStreaming) {
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    let module = null;
    if (compiled && WASM.test(response.url)) {
      try {
        module = await compiled;
      } catch (error) { /* compile it the usual way, below */ }
    }
    const out = module ? { module, instance: await WebAssembly.instantiate(module, imports) }
      : await instantiateStreaming(response, imports);
    mark("wasm-instantiated");
    return out;
  };
}

function fetchWasm(indexURL) {
  const url = new URL("pyodide.asm.wasm", indexURL).href;
  const got = self.fetch(url).then((response) => {
    if (!response.ok) throw missing(`pyodide.asm.wasm: HTTP ${response.status}`);
    return { compile: response.clone(), pyodide: response };
  });
  prefetched.set(url, got.then((copies) => copies.pyodide, () => self.fetch(url)));
  compiled = got.then((copies) => WebAssembly.compileStreaming(copies.compile))
    .catch(() => got.then((copies) => copies.pyodide.clone().arrayBuffer())  // e.g. served with the wrong type
      .then((data) => WebAssembly.compile(data)));
  compiled.then(() => mark("wasm-compiled"), () => {});
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

// The sha256 in the snapshot manifest the server has now (null: none; undefined: no
// answer, e.g. offline).
function serverSnapshot(indexURL) {
  return realFetch(indexURL + "snapshot.json", { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : null))
    .then((manifest) => (manifest && manifest.sha256) || null, () => undefined);
}

async function start(indexURL, allowSnapshot) {
  indexRoot = indexURL;
  post({ type: "mark", name: "created", at: performance.timeOrigin });
  post({ type: "mark", name: "evaluated", at: evaluated });
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
  const current = realFetch(indexURL + "snapshot.json", { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  identity = current.then((m) => (m && m.sha256) || null);
  const manifest = allowSnapshot ? current : Promise.resolve(null);
  const module = import(indexURL + "pyodide.mjs");
  // loadPyodide imports pyodide.asm.mjs (1.3 MB) only later: start it now (the same
  // module instance is reused).
  import(indexURL + "pyodide.asm.mjs").catch(() => {});
  // As soon as the manifest and the lockfile agree, the snapshot image (from Cache
  // Storage or the network) and the .wasm are fetched, in parallel; the check of the
  // Pyodide version loaded comes below.
  const abort = new AbortController();
  const planned = Promise.all([manifest, lockText]).then(([m, text]) => {
    const chosen = snapshot.plan(m, text, snapshot.PINNED_PYODIDE);
    if (!chosen.use) return chosen;
    pyodideVersion = pyodideVersion || m.pyodide;  // the key of the kept .wasm (checked below)
    for (const [name, size] of Object.entries(m.sizes || {})) {
      decodedSizes.set(new URL(name, indexURL).href, size);
    }
    const image = new URL(m.file, indexURL).href;
    const wasm = new URL("pyodide.asm.wasm", indexURL).href;
    expected.set(image, decodedSizes.get(image) || chosen.imageBytes);
    expected.set(wasm, decodedSizes.get(wasm) || 0);
    mark("snapshot-download");
    const bytes = snapshot.load(indexURL, m, (n, response) => progress(n * wire(image, response)), abort.signal)
      .then((got) => {
        if (got.cached) expected.delete(image);
        mark(got.cached ? "snapshot-cached" : "snapshot-bytes");
        return got;
      });
    prefetch(new URL(chosen.stdlib, indexURL).href);  // Pyodide asks for it only once its runtime starts
    fetchWasm(indexURL);
    return { ...chosen, image: bytes };
  });
  planned.catch(() => {});
  const known = (await manifest) || {};
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

  const chosen = await planned;
  if (chosen.use && version !== snapshot.PINNED_PYODIDE) {
    chosen.use = false;
    chosen.why = `Pyodide ${version} is not ${snapshot.PINNED_PYODIDE}`;
    compiled = null;  // that .wasm is not this Pyodide's
  }
  if (chosen.use) {
    let got = null;
    try {
      snapshotTried = true;
      const aborted = new Promise((resolve, reject) => { abortSnapshot = reject; });
      const bytes = chosen.image.then((result) => {
        got = result;
        post({ type: "status", stage: "start", via: "snapshot" });
        return result.image;
      });
      // Pyodide goes on before the image is in: a failed download ends the attempt.
      bytes.catch((error) => { if (abortSnapshot) abortSnapshot(error); });
      const { run } = await Promise.race([
        snapshot.restore(loadPyodide, { ...options, stdLibURL: new URL(chosen.stdlib, indexURL).href },
                         bytes, chosen, makeRunner, mark),
        aborted]);
      abortSnapshot = null;
      post({ type: "status", stage: "ready", via: "snapshot" });
      if (!got.cached) {  // for the next page: no download
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
  // The normal boot: Pyodide's own files, by their sizes in the manifest if any.
  expected.clear();
  for (const [name, size] of Object.entries(known.sizes || {})) {
    const url = new URL(name, indexURL).href;
    decodedSizes.set(url, size);
    if (/^(pyodide\.asm\.wasm|python_stdlib\.zip)$/.test(name)) expected.set(url, size);
  }
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

function join(port) {
  ports.add(port);
  while (earlyMarks.length) port.postMessage(earlyMarks.shift());
}

async function handle(msg, reply, port) {
  if (msg.type === "init") {
    if (!engine) {
      if (port) join(port);
      // Save-Data: the normal boot downloads about 1 MB less than the snapshot path
      // (2 MB less where the server sends gzip), and starts a few seconds later.
      const saveData = Boolean(self.navigator.connection && self.navigator.connection.saveData);
      engine = start(msg.indexURL, msg.snapshot !== false && !saveData);
      engine.then(() => { running = true; },
                  (error) => { report(error); forgetKept().catch(() => {}); });
    } else if (port) {
      // A page joining: is this engine the current build's?
      const [now, mine] = await Promise.all([serverSnapshot(msg.indexURL), identity]);
      if (now !== undefined && now !== mine) {
        reply({ type: "stale", sha256: now || "none" });
        return;
      }
      join(port);
      // ready at once, or the start so far (what follows comes to every page)
      if (running) reply({ type: "status", stage: "ready", via: "running" });
      else for (const message of replay.values()) reply(message);
      if (failed) self.close();
    }
    return;
  }
  if (msg.type === "run") {
    if (port && !ports.has(port)) return;  // a page sent to another build's engine
    let run;
    try {
      run = await engine;
    } catch (error) {
      return; // already reported
    }
    reply({ type: "result", id: msg.id, result: run(msg.name, msg.inputs) });
  }
}

if (shared) {
  self.onconnect = (event) => {
    const port = event.ports[0];
    port.onmessage = (message) => handle(message.data || {}, (out) => port.postMessage(out), port);
  };
} else {
  self.onmessage = (event) => handle(event.data || {}, (out) => self.postMessage(out));
}

// The boot script names the engine's folder in the worker's address (?index=…): the
// engine starts as soon as this module has run, not when the page's main thread, busy
// with the page itself, forwards its "init" message (that one then finds it started).
const bootIndex = new URLSearchParams(self.location.search).get("index");
if (bootIndex && new URL(bootIndex, self.location.href).origin === self.location.origin) {
  handle({ type: "init", indexURL: new URL(bootIndex, self.location.href).href }, () => {}, null);
}
