// The one place that uses Pyodide's private memory-snapshot API (`_loadSnapshot`).
// Imported by worker.js. The snapshot is made at build time by
// scripts/build_snapshot.mjs, with the same pinned Pyodide, and described by
// assets/pyodide/snapshot.json.
//
// A snapshot is used only when ALL of these hold; otherwise plan() returns null and
// the worker boots Pyodide the normal way (same answers, a few seconds slower):
// - the Pyodide loaded by the page is PINNED (the API is private and may change);
// - the manifest was written for that Pyodide version;
// - every package the snapshot holds is in the lockfile the page is served, with the
//   same file name and sha256 (a rebuilt wheel without a new snapshot is refused);
// - the file arrives whole (gzip's own CRC and length, and the size in the manifest),
//   Pyodide accepts it (magic number and build id), and the restored engine answers
//   the manifest's canary computations exactly as the snapshot's maker did.
// Any failure throws; the worker then falls back to the normal boot.

export const PINNED_PYODIDE = "314.0.7";

// Decide from the manifest (or null, when snapshot.json is missing or unreadable) and
// the lockfile text whether a snapshot may be used. Returns the plan or null, and why.
export function plan(manifest, lockText, version) {
  if (!manifest) return { use: false, why: "no snapshot manifest" };
  if (version !== PINNED_PYODIDE) return { use: false, why: `Pyodide ${version} is not ${PINNED_PYODIDE}` };
  if (manifest.format !== 1 || manifest.pyodide !== version) {
    return { use: false, why: `snapshot made for Pyodide ${manifest.pyodide}` };
  }
  if (manifest.encoding !== "gzip" || typeof DecompressionStream !== "function") {
    return { use: false, why: "cannot decompress the snapshot" };
  }
  if (!Array.isArray(manifest.packages) || !manifest.packages.length) {
    return { use: false, why: "snapshot lists no packages" };
  }
  let lock;
  try {
    lock = JSON.parse(lockText);
  } catch (error) {
    return { use: false, why: "unreadable lockfile" };
  }
  for (const p of manifest.packages) {
    const entry = lock.packages && lock.packages[p.name];
    if (!entry || entry.sha256 !== p.sha256 || entry.file_name !== p.file_name) {
      return { use: false, why: `${p.name} differs from the snapshot's` };
    }
  }
  return { use: true, file: manifest.file, bytes: manifest.bytes, rawBytes: manifest.rawBytes,
           packages: manifest.packages.map((p) => p.name), canaries: manifest.canaries || [] };
}

// Download and decompress the snapshot. onBytes(n) is called for each compressed chunk.
export async function download(indexURL, chosen, onBytes) {
  const response = await fetch(indexURL + chosen.file);
  if (!response.ok) throw new Error(`${chosen.file}: HTTP ${response.status}`);
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) { onBytes(chunk.byteLength); controller.enqueue(chunk); },
  }));
  const reader = counted.pipeThrough(new DecompressionStream("gzip")).getReader();
  const out = new Uint8Array(chosen.rawBytes);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.byteLength > out.length) throw new Error("snapshot larger than its manifest says");
    out.set(value, offset);
    offset += value.byteLength;
  }
  if (offset !== out.length) throw new Error(`snapshot truncated (${offset} of ${out.length} bytes)`);
  return out;
}

// Start Pyodide from the snapshot (a promise of its bytes). `options` are the
// worker's own loadPyodide options (indexURL, lockFileContents, packageBaseUrl).
// Then re-install the packages' files (loadPackage: sha256-checked, as in a normal
// boot; the snapshot holds Python's memory, not the file system) and check the
// canaries with run(name, inputs) -> JSON text, as built by makeRunner(pyodide).
export async function restore(loadPyodide, options, bytes, chosen, makeRunner) {
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: bytes });
  const problems = [];
  await pyodide.loadPackage(chosen.packages, {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  for (const name of chosen.packages) {
    if (!pyodide.loadedPackages[name]) throw new Error(`${name} did not load: ${problems.join("; ")}`);
  }
  const run = makeRunner(pyodide);
  for (const c of chosen.canaries) {
    const answer = run(c.name, c.inputs);
    if (answer !== c.result) throw new Error(`snapshot canary ${c.name} ${c.inputs} answered differently`);
  }
  return { pyodide, run };
}
