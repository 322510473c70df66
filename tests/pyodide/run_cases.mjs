// Run every case of tests/calculators/cases.json inside real Pyodide under Node.js,
// from the BUILT site's self-hosted files (site/assets/pyodide/), with the calculators
// wheel loaded through loadPackage (sha256-checked against the site's pyodide-lock.json).
//
//   node tests/pyodide/run_cases.mjs [--snapshot] [SITE_DIR] [CASES_JSON]
//
// With --snapshot, the engine is the one the page restores instead: the site's memory
// snapshot (assets/pyodide/snapshot.json), through the page's own snapshot.js, with
// the empty standard library the page mounts.
//
// Prints one JSON object: {"via": "boot" | "snapshot", "pyodide": version, "python":
// version, "stdlib_files" (in /lib/python314.zip while the cases ran),
// "stdlib_requests_for_cases" (fetches of the whole standard library the cases
// needed), "stdlib_requests" (all of them: importlib.metadata's version() needs a
// module the snapshot lacks), "amendments_dir", "amendments" (the files the wheel
// carries, in force order),
// "results": [{"name", "calculator", "inputs", "result"}]}. Exit 1 when the engine fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const args = process.argv.slice(2);
const via = args[0] === "--snapshot" ? (args.shift(), "snapshot") : "boot";
const site = path.resolve(args[0] || process.env.HANDBOOK_SITE || path.join(root, "site"));
const casesPath = path.resolve(args[1] || path.join(root, "tests", "calculators", "cases.json"));
const indexURL = path.join(site, "assets", "pyodide") + path.sep;
const quiet = { stdout: () => {}, stderr: (m) => process.stderr.write(m + "\n") };

const { loadPyodide, version } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
let pyodide;
const problems = [];
// The restored engine fetches Pyodide's whole standard library, with a synchronous
// XMLHttpRequest, only for a module its snapshot lacks: Node has no XMLHttpRequest, so
// this one reads the file and counts the requests.
const stdlibRequests = [];
globalThis.XMLHttpRequest = class {
  open(method, url) { this.url = url; }
  send() {
    stdlibRequests.push(this.url);
    try {
      const data = readFileSync(this.url);
      this.response = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
      this.status = 200;
    } catch (error) {
      this.status = 404;
    }
  }
};
if (via === "snapshot") {
  const source = readFileSync(path.join(site, "assets", "javascripts", "calculators", "snapshot.js"));
  const snapshotJs = await import("data:text/javascript;base64," + source.toString("base64"));
  const manifest = JSON.parse(readFileSync(indexURL + "snapshot.json", "utf8"));
  const want = snapshotJs.plan(manifest, readFileSync(indexURL + "pyodide-lock.json", "utf8"), version);
  if (!want.use) {
    console.error(`the snapshot would not be used: ${want.why}`);
    process.exit(1);
  }
  ({ pyodide } = await snapshotJs.restore(
    loadPyodide, { indexURL, packageBaseUrl: indexURL, stdLibURL: indexURL + want.stdlib, ...quiet },
    readFileSync(indexURL + manifest.file), want, (py) => py.runPython(`
import json, calculators
lambda name, payload: json.dumps(calculators.run(name, json.loads(payload)), ensure_ascii=False)
`)));
} else {
  pyodide = await loadPyodide({ indexURL, ...quiet });
  await pyodide.loadPackage("yongding-calculators", {
    messageCallback: () => {},
    errorCallback: (m) => problems.push(m),
  });
}
// chinese-calendar (the holiday data) must come in through the lockfile's "depends".
if (!pyodide.loadedPackages["yongding-calculators"] || !pyodide.loadedPackages["chinese-calendar"]) {
  console.error("yongding-calculators did not load: " + problems.join("; "));
  process.exit(1);
}
// The cases are parsed by Python's json inside Pyodide, not by JavaScript: JSON.parse
// would turn 5.0 into 5 and hide the refusal of a decimal where a whole number is meant.
pyodide.globals.set("CASES_TEXT", readFileSync(casesPath, "utf8"));
pyodide.runPython(`
import json, sys, zipfile, calculators
results = [
    {"name": c["name"], "calculator": c["calculator"], "inputs": c["inputs"],
     "result": calculators.run(c["calculator"], c["inputs"])}
    for c in json.loads(CASES_TEXT)["cases"]
]
stdlib_files = len(zipfile.ZipFile("/lib/python314.zip").namelist())
`);
// (the cases are done: what follows may need more of the standard library)
pyodide.globals.set("STDLIB_REQUESTS_FOR_CASES", stdlibRequests.length);
pyodide.runPython(`
from importlib.metadata import version
from calculators import _amendments
about = {"module": calculators.__file__, "package_version": version("yongding-calculators"),
         "holidays_version": version("chinese-calendar"),
         "amendments_dir": str(_amendments.directory()),
         "amendments": [a.file for a in _amendments.amendments()]}
`);
pyodide.globals.set("STDLIB_REQUESTS", JSON.stringify(stdlibRequests.map((url) => path.basename(url))));
const output = pyodide.runPython(`
json.dumps({"via": "${via}", "pyodide": "${pyodide.version}", "python": sys.version.split()[0],
            "stdlib_files": stdlib_files, "stdlib_requests_for_cases": STDLIB_REQUESTS_FOR_CASES,
            "stdlib_requests": json.loads(STDLIB_REQUESTS), **about,
            "results": results}, ensure_ascii=False)
`);
process.stdout.write(output + "\n");
