// Run every case of tests/calculators/cases.json inside real Pyodide under Node.js,
// from the BUILT site's self-hosted files (site/assets/pyodide/), with the calculators
// wheel loaded through loadPackage (sha256-checked against the site's pyodide-lock.json).
//
//   node tests/pyodide/run_cases.mjs [SITE_DIR] [CASES_JSON]
//
// Prints one JSON object: {"pyodide": version, "python": version, "amendments_dir",
// "amendments" (the files the wheel carries, in force order),
// "results": [{"name", "calculator", "inputs", "result"}]}. Exit 1 when the engine fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const site = path.resolve(process.argv[2] || process.env.HANDBOOK_SITE || path.join(root, "site"));
const casesPath = path.resolve(process.argv[3] || path.join(root, "tests", "calculators", "cases.json"));
const indexURL = path.join(site, "assets", "pyodide") + path.sep;

const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: (m) => process.stderr.write(m + "\n") });
const problems = [];
await pyodide.loadPackage("yongding-calculators", {
  messageCallback: () => {},
  errorCallback: (m) => problems.push(m),
});
// chinese-calendar (the holiday data) must come in through the lockfile's "depends".
if (!pyodide.loadedPackages["yongding-calculators"] || !pyodide.loadedPackages["chinese-calendar"]) {
  console.error("yongding-calculators did not load: " + problems.join("; "));
  process.exit(1);
}
// The cases are parsed by Python's json inside Pyodide, not by JavaScript: JSON.parse
// would turn 5.0 into 5 and hide the refusal of a decimal where a whole number is meant.
pyodide.globals.set("CASES_TEXT", readFileSync(casesPath, "utf8"));
const output = pyodide.runPython(`
import json, sys, calculators
from importlib.metadata import version
from calculators import _amendments
results = [
    {"name": c["name"], "calculator": c["calculator"], "inputs": c["inputs"],
     "result": calculators.run(c["calculator"], c["inputs"])}
    for c in json.loads(CASES_TEXT)["cases"]
]
json.dumps({"pyodide": "${pyodide.version}", "python": sys.version.split()[0],
            "module": calculators.__file__, "package_version": version("yongding-calculators"),
            "holidays_version": version("chinese-calendar"),
            "amendments_dir": str(_amendments.directory()),
            "amendments": [a.file for a in _amendments.amendments()],
            "results": results}, ensure_ascii=False)
`);
process.stdout.write(output + "\n");
