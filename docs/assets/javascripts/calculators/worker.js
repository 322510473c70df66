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

// Pyodide's core files. A missing one can leave loadPyodide hanging, so ask for
// their headers first (a few hundred bytes) and fail fast when one is not there.
const CORE_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

async function checkFiles(indexURL) {
  const answers = await Promise.all(CORE_FILES.map((name) =>
    fetch(indexURL + name, { method: "HEAD" }).then((r) => [name, r.ok], () => [name, false])));
  const missing = answers.filter(([, ok]) => !ok).map(([name]) => name);
  if (missing.length) throw new Error("cannot load " + missing.join(", "));
}

async function start(indexURL) {
  self.postMessage({ type: "status", stage: "runtime" });
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is unavailable");
  checkFiles(indexURL).catch(report);
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false });
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
