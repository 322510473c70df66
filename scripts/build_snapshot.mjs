// Make the calculators' Pyodide memory snapshot at build time (make build runs it
// after scripts/build_pyodide.py):
//
//   node scripts/build_snapshot.mjs [SITE_DIR]
//
// 1. boots the site's own Pyodide (site/assets/pyodide/, the pinned npm release) in
//    Node with the private `_makeSnapshot` option;
// 2. loadPackage()s the calculators and every package of pyodide-lock.json they
//    depend on (whatever build_pyodide.py registered), imports every module of them
//    and every module their code names in an import statement (also inside
//    functions), and runs each case of tests/calculators/cases.json once, so that
//    every module a computation needs is already imported: the page's restored
//    engine mounts an empty standard library;
// 3. zeroes the allocator's free memory and the unused stack (snapshot.js scrub()),
//    saves the memory, XORs into it the initial memory the .wasm's data segments
//    describe, and writes the image: the non-zero 1 kB blocks of that, then the
//    files the packages installed, uncompressed, to
//    site/assets/pyodide/calculators-<sha256[:16]>.snapshot (a new name for new
//    bytes: served immutable; scripts/precompress.py writes its .br and .gz), the
//    empty standard library snapshot-stdlib.zip, and the manifest
//    site/assets/pyodide/snapshot.json: the Pyodide version, the name, file and
//    sha256 of every wheel the snapshot holds, sizes, and "canary" computations with
//    their answers;
// 4. restores the snapshot in a second Pyodide with the page's own code and the empty
//    standard library, and checks that EVERY case answers as it did in the maker, so
//    a snapshot that does not work is never published.
//
// The page (docs/assets/javascripts/calculators/snapshot.js) uses the snapshot only
// when the manifest matches the Pyodide it loads and the sha256 of every wheel in the
// lockfile it is served; any mismatch or failure falls back to a normal boot.
// Pyodide's snapshot API is private: this script and snapshot.js are pinned to the
// version below and fail loudly on any other.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PINNED_PYODIDE = "314.0.7";
const PACKAGE = "yongding-calculators";
const CANARIES_PER_CALCULATOR = 1;
const CANARY_DATE = "2026-01-01"; // the rules date of the canaries (any fixed day)
const STDLIB = "snapshot-stdlib.zip"; // what the restored engine mounts: nothing

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const site = path.resolve(process.argv[2] || path.join(root, "site"));
const indexDir = path.join(site, "assets", "pyodide");
const indexURL = indexDir + path.sep;
const casesPath = path.join(root, "tests", "calculators", "cases.json");

function fail(message) {
  console.error(`build_snapshot: ERROR: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(indexDir, "pyodide-lock.json"))) {
  fail(`${indexDir} has no pyodide-lock.json: run scripts/build_pyodide.py first`);
}
const { loadPyodide, version } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
// The page's own snapshot code (as a data: URL: Node would warn that a .js file outside
// a "type": "module" package is an ES module).
const snapshotSource = readFileSync(path.join(site, "assets", "javascripts", "calculators", "snapshot.js"));
const snapshotJs = await import("data:text/javascript;base64," + snapshotSource.toString("base64"));
if (version !== PINNED_PYODIDE) {
  fail(`Pyodide ${version} is not ${PINNED_PYODIDE}: the snapshot API is private; check it ` +
       `still works (tests/browser/test_snapshot.py), then update PINNED_PYODIDE here and in ` +
       `docs/assets/javascripts/calculators/snapshot.js`);
}

// The calculators and everything they pull from the lockfile (e.g. a holiday library).
const lock = JSON.parse(readFileSync(path.join(indexDir, "pyodide-lock.json"), "utf8"));
function closure(name, seen = new Map()) {
  const key = name.toLowerCase().replace(/[-_.]+/g, "-");
  const entry = lock.packages[key] || lock.packages[name];
  if (!entry) fail(`${name} is not in pyodide-lock.json`);
  if (seen.has(entry.name)) return seen;
  seen.set(entry.name, entry);
  for (const dep of entry.depends || []) closure(dep, seen);
  return seen;
}
const packages = [...closure(PACKAGE).values()].map((entry) => {
  const file = path.join(indexDir, entry.file_name);
  if (!existsSync(file)) fail(`${entry.file_name} (in pyodide-lock.json) is missing`);
  const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
  if (digest !== entry.sha256) fail(`${entry.file_name}: sha256 differs from pyodide-lock.json`);
  return { name: entry.name, file_name: entry.file_name, sha256: entry.sha256 };
}).sort((a, b) => a.name.localeCompare(b.name));

const quiet = { stdout: () => {}, stderr: (m) => process.stderr.write(m + "\n") };
const t0 = performance.now();
const maker = await loadPyodide({ indexURL, packageBaseUrl: indexURL, _makeSnapshot: true, ...quiet });
const problems = [];
await maker.loadPackage(packages.map((p) => p.name), {
  messageCallback: () => {},
  errorCallback: (m) => problems.push(m),
});
for (const p of packages) {
  if (!maker.loadedPackages[p.name]) fail(`${p.name} did not load: ${problems.join("; ")}`);
}

// The packages' files: the snapshot holds Python's memory, not Emscripten's file
// system, so the files loadPackage wrote under site-packages are saved beside it
// (after the memory's blocks, in the same file) and written back by the page. Their
// modules are imported below, with every module their code names.
const sitePackages = maker.runPython("import sys; [p for p in sys.path if p.endswith('/site-packages')][0]");
const files = [];
const walk = (dir) => {
  for (const name of maker.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const full = `${dir}/${name}`;
    if (maker.FS.isDir(maker.FS.stat(full).mode)) walk(full);
    else files.push({ path: full, data: maker.FS.readFile(full) });
  }
};
walk(sitePackages);
files.sort((a, b) => a.path.localeCompare(b.path));

// Warm up: import every module of the calculators and every module their code names,
// and run every case once (imports done lazily at run time land in the snapshot too).
// Text goes in and out through the file system, so that no JavaScript object stays
// referenced from Python (it could not be saved).
const cases = existsSync(casesPath) ? JSON.parse(readFileSync(casesPath, "utf8")).cases : [];
maker.FS.writeFile("/tmp/warmup.json", JSON.stringify(cases));
// Only the calculators' own modules (a dependency's other modules, e.g. borax's Tk
// windows, need what Pyodide lacks; what the calculators use of it is imported with
// them, and the cases below run every path).
maker.FS.writeFile("/tmp/modules.json", JSON.stringify(files
  .map((f) => f.path.slice(sitePackages.length + 1))
  .filter((p) => p.endsWith(".py") && p.startsWith("calculators/"))));
maker.runPython(`
import ast, gc, importlib, json, sys, zipimport
import calculators

_own, _named = set(), set()
for _file in json.load(open("/tmp/modules.json")):
    _parts = _file[:-3].split("/")
    if _parts[-1] == "__init__":
        _parts.pop()
    if _parts[-1] != "__main__":   # a command line, not a module to import
        _own.add(".".join(_parts))
    with open(${JSON.stringify(sitePackages)} + "/" + _file, "rb") as _fh:
        _tree = ast.parse(_fh.read())
    for _node in ast.walk(_tree):
        if isinstance(_node, ast.Import):
            _named.update(_alias.name for _alias in _node.names)
        elif isinstance(_node, ast.ImportFrom) and _node.level == 0 and _node.module:
            _named.add(_node.module)
del _file, _parts, _fh, _tree, _node
for _name in sorted(_own) + sorted(_named - _own):
    try:
        importlib.import_module(_name)
    except ImportError:
        # an optional import (try: import x / except ImportError) of a module Pyodide lacks
        if _name in _own:
            raise

def _canary(name, payload):
    return json.dumps(calculators.run(name, json.loads(payload)), ensure_ascii=False)

_all, _picked, _counts = [], [], {}
for _case in json.load(open("/tmp/warmup.json", encoding="utf-8")):
    _inputs = _case["inputs"]
    # A canary names its date: the default, today, would make the page's answer
    # differ from the build's on any later day (as_of), and the snapshot unused.
    if isinstance(_inputs, dict) and "date" not in _inputs:
        _inputs = {**_inputs, "date": "${CANARY_DATE}"}
    _payload = json.dumps(_inputs, ensure_ascii=False)
    _answer = _canary(_case["calculator"], _payload)
    _all.append({"name": _case["calculator"], "inputs": _payload, "result": _answer})
    if _counts.get(_case["calculator"], 0) < ${CANARIES_PER_CALCULATOR}:
        _counts[_case["calculator"]] = _counts.get(_case["calculator"], 0) + 1
        _picked.append(_all[-1])
for _name in calculators.CALCULATORS:
    _all.append({"name": _name, "inputs": "{}", "result": _canary(_name, "{}")})
    _picked.append(_all[-1])
with open("/tmp/canaries.json", "w", encoding="utf-8") as _fh:
    json.dump({"all": _all, "picked": _picked}, _fh, ensure_ascii=False)
del _canary, _all, _picked, _counts, _case, _inputs, _payload, _answer, _name, _fh
del _own, _named, ast
import os; os.remove("/tmp/warmup.json"); os.remove("/tmp/modules.json"); del os
# The page mounts another (empty) standard library: forget where this one's files were.
sys.path_importer_cache.clear()
zipimport._zip_directory_cache.clear()
gc.collect()
`);
const checked = JSON.parse(maker.FS.readFile("/tmp/canaries.json", { encoding: "utf8" }));
maker.FS.unlink("/tmp/canaries.json");
const canaries = checked.picked;

// Pyodide checks that the object it handed Python at index 6 (its record of loaded
// packages) still looks as it did at start: the record is emptied for the snapshot,
// and the page fills it in again after writing the files back.
const loaded = { ...maker.loadedPackages };
for (const key of Object.keys(maker.loadedPackages)) delete maker.loadedPackages[key];
let raw;
try {
  const chunks = snapshotJs.scrub(maker);
  raw = maker.makeMemorySnapshot();
  if (!chunks) fail("scrub() found no free memory to zero (allocator API changed?)");
} catch (error) {
  fail(`makeMemorySnapshot failed: ${error.message}`);
}
Object.assign(maker.loadedPackages, loaded);
const made = performance.now() - t0;
// The memory XOR the .wasm's initial memory: the static data the program never
// changed becomes zeros. Then the blocks that are all zeros are left out.
const wasm = readFileSync(path.join(indexDir, "pyodide.asm.wasm"));
const segments = snapshotJs.wasmData(wasm);
const delta = snapshotJs.applyBase(new Uint8Array(raw), segments);
const wasmInfo = { bytes: wasm.length, data: snapshotJs.dataExtent(segments) };
const BLOCK = snapshotJs.BLOCK;
const ranges = [];
for (let start = 0; start < delta.length; start += BLOCK) {
  const block = delta.subarray(start, Math.min(start + BLOCK, delta.length));
  if (block.every((byte) => byte === 0)) continue;
  const last = ranges[ranges.length - 1];
  if (last && last[0] + last[1] === start) last[1] += block.length;
  else ranges.push([start, block.length]);
}
const packedBytes = ranges.reduce((n, r) => n + r[1], 0);
const filesBytes = files.reduce((n, f) => n + f.data.length, 0);
const image = new Uint8Array(packedBytes + filesBytes);
let at = 0;
for (const [start, length] of ranges) { image.set(delta.subarray(start, start + length), at); at += length; }
for (const f of files) { image.set(f.data, at); at += f.data.length; }

// The empty standard library the restored engine mounts (a zip of no files).
const emptyZip = new Uint8Array(22);
emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
writeFileSync(path.join(indexDir, STDLIB), emptyZip);

// Restore it once here with the page's own code and that empty standard library, and
// compare EVERY answer with the maker's.
const draft = {
  format: snapshotJs.FORMAT, pyodide: version, base: "wasm-data", wasm: wasmInfo,
  stdlib: { file: STDLIB }, file: "calculators-0000000000000000.snapshot",
  rawBytes: raw.length, ranges, packages, loaded,
  files: files.map((f) => ({ path: f.path, size: f.data.length })), canaries,
};
const want = snapshotJs.plan(draft, readFileSync(path.join(indexDir, "pyodide-lock.json"), "utf8"), version);
if (!want.use) fail(`the manifest would be refused: ${want.why}`);
const t1 = performance.now();
const { run: runner } = await snapshotJs.restore(
  loadPyodide, { indexURL, packageBaseUrl: indexURL, stdLibURL: path.join(indexDir, STDLIB), ...quiet },
  image, want,
  (pyodide) => pyodide.runPython(`
import json, calculators
def _calculators_run(name, payload):
    return json.dumps(calculators.run(name, json.loads(payload)), ensure_ascii=False)
_calculators_run
`));
for (const c of checked.all) {
  let answer;
  try {
    answer = runner(c.name, c.inputs);
  } catch (error) {
    answer = String(error.message || error);
  }
  if (answer !== c.result) {
    fail(`the restored snapshot answers ${c.name} ${c.inputs} differently:\n${answer.slice(0, 2000)}\n` +
         `(expected ${c.result.slice(0, 500)}). A module imported only then, not at build time?`);
  }
}
const restored = performance.now() - t1;
runner.destroy();

const sha256 = createHash("sha256").update(image).digest("hex");
const file = `calculators-${sha256.slice(0, 16)}.snapshot`;
for (const old of readdirSync(indexDir)) {
  if (/^calculators-[0-9a-f]{16}\.snapshot(\.br|\.gz)?$/.test(old) && !old.startsWith(file)) {
    unlinkSync(path.join(indexDir, old));
  }
}
writeFileSync(path.join(indexDir, file), image);
const manifest = {
  format: snapshotJs.FORMAT,
  about: "Memory snapshot of Pyodide with the calculators imported; written by scripts/build_snapshot.mjs. " +
         "Used only when pyodide and every package sha256 match what the page loads.",
  pyodide: version,
  file,
  bytes: image.length,
  rawBytes: raw.length,
  // The memory is stored XOR the initial memory of pyodide.asm.wasm: its data segments,
  // which fill [start, end) of the memory.
  base: "wasm-data",
  wasm: wasmInfo,
  // What the restored engine mounts as its standard library: nothing.
  stdlib: { file: STDLIB },
  // [offset, length] of the non-zero parts, in the file in this order.
  ranges,
  // After the memory's parts in the same file: the files the packages installed.
  files: files.map((f) => ({ path: f.path, size: f.data.length })),
  loaded,
  sha256,
  // Sizes of the files a page fetches (as decoded), for its progress bar.
  sizes: Object.fromEntries(["pyodide.asm.wasm", "python_stdlib.zip", file, ...packages.map((p) => p.file_name)]
    .map((name) => [name, statSync(path.join(indexDir, name)).size])),
  packages,
  // The page checks one after restoring (each costs time before the first answer);
  // the build checked all of them, and every case, above.
  canaries: canaries.filter((c) => c.inputs !== "{}" && c.result.length <= 2000).slice(0, 1),
};
writeFileSync(path.join(indexDir, "snapshot.json"), JSON.stringify(manifest, null, 1) + "\n");
console.log(`build_snapshot: ${path.relative(process.cwd(), path.join(indexDir, file))} ` +
  `(${(image.length / 1e6).toFixed(1)} MB: ${(packedBytes / 1e6).toFixed(1)} MB of ${(raw.length / 1e6).toFixed(1)} MB memory ` +
  `differ from the .wasm's and are not zero, + ${files.length} files): Pyodide ${version} + ` +
  `${packages.map((p) => p.file_name).join(", ")}; made in ${(made / 1000).toFixed(1)} s, ` +
  `restored and checked (${checked.all.length} answers, empty standard library) in ${(restored / 1000).toFixed(1)} s`);
process.exit(0);
