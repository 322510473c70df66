// The calculators engine: Pyodide in a module Web Worker, so the page never freezes.
// Loaded from the site's own copy (assets/pyodide/); the calculators wheel comes
// through loadPackage, which checks its sha256 against pyodide-lock.json.
//
// Messages in:  {type: "init", indexURL}            start loading (sent at once by the page)
//               {type: "run", id, name, inputs}     inputs is a JSON string
// Messages out: {type: "status", stage}             "runtime" | "package" | "ready"
//               {type: "error", message}            the engine cannot start
//               {type: "result", id, result}        result is a JSON string (calculators.run)

let engine = null;

const PYTHON = `
import json
import calculators

def _calculators_run(name, payload):
    return json.dumps(calculators.run(name, json.loads(payload)), ensure_ascii=False)
_calculators_run
`;

// Pyodide 314 catches a failed WebAssembly instantiation (e.g. the .wasm answered
// 404), logs "wasm instantiation failed!" with console.warn and then waits forever.
// Turn that warning into a failure the page can explain at once.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].startsWith("wasm instantiation failed")) {
    report(new Error("WebAssembly instantiation failed"));
  }
  warn(...args);
};

async function start(indexURL) {
  self.postMessage({ type: "status", stage: "runtime" });
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is unavailable");
  // The lockfile is fetched here, in parallel with pyodide.mjs, so that a missing one
  // fails at once (Pyodide would wait on it silently).
  const lockFileContents = fetch(indexURL + "pyodide-lock.json").then((response) => {
    if (!response.ok) throw new Error(`pyodide-lock.json: HTTP ${response.status}`);
    return response.text();
  });
  lockFileContents.catch(report);
  // Likewise the calculators wheel (40 kB): loadPackage waits silently on a 404 too.
  lockFileContents.then((text) => {
    const entry = JSON.parse(text).packages["yongding-calculators"];
    if (!entry) throw new Error("yongding-calculators is not in pyodide-lock.json");
    return fetch(indexURL + entry.file_name).then((response) => {
      if (!response.ok) throw new Error(`${entry.file_name}: HTTP ${response.status}`);
    });
  }).catch(report);
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, lockFileContents, packageBaseUrl: indexURL });
  self.postMessage({ type: "status", stage: "package" });
  const problems = [];
  await pyodide.loadPackage("yongding-calculators", {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!pyodide.loadedPackages["yongding-calculators"]) {
    throw new Error("yongding-calculators did not load: " + problems.join("; "));
  }
  const run = pyodide.runPython(PYTHON);
  self.postMessage({ type: "status", stage: "ready" });
  return run;
}

// A file that fails to load makes Emscripten abort inside Pyodide, which does not
// always reject loadPyodide's promise: report any stray failure at once.
function report(error) {
  self.postMessage({ type: "error", message: String((error && (error.message || error.reason)) || error) });
}
self.addEventListener("unhandledrejection", (event) => report(event.reason));
self.addEventListener("error", (event) => report(event.message));

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    if (!engine) {
      engine = start(msg.indexURL);
      engine.catch(report);
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
