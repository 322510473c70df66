// The one place that uses Pyodide's private memory-snapshot API (`_loadSnapshot`,
// and the `loadedPackages` record). Imported by worker.js, and by
// scripts/build_snapshot.mjs, which makes the snapshot at build time with the same
// pinned Pyodide (in Node) and restores it once with restore() below before
// publishing it. assets/pyodide/snapshot.json describes it.
//
// A snapshot is used only when ALL of these hold; otherwise the worker boots Pyodide
// the normal way (same answers, a few seconds slower):
// - the Pyodide loaded by the page is PINNED_PYODIDE (the API is private);
// - the manifest was written for that Pyodide version;
// - every package the snapshot holds is in the lockfile the page is served, with the
//   same file name and sha256 (a rebuilt wheel without a new snapshot is refused);
// - the file arrives whole (gzip's own CRC and length, and the sizes in the
//   manifest), Pyodide accepts it (magic number and build id), and the restored
//   engine answers the manifest's canary computation exactly as the maker did.
// Anything else throws; the worker then falls back to the normal boot.
//
// The image is the memory snapshot without its blocks of zeros (manifest "ranges":
// where each non-zero part goes), followed by the files the packages installed under
// site-packages (the snapshot holds Python's memory, not the file system). Once
// decompressed and used successfully, it is kept in Cache Storage (when the browser
// offers it), so a second calculator page skips the download and the decompression.

export const PINNED_PYODIDE = "314.0.7";
const CACHE = "calculators-snapshot"; // not "handbook-…": sw.js deletes those

// May the manifest be used with this lockfile and this Pyodide version?
export function plan(manifest, lockText, version) {
  if (!manifest) return { use: false, why: "no snapshot manifest" };
  if (version !== PINNED_PYODIDE) return { use: false, why: `Pyodide ${version} is not ${PINNED_PYODIDE}` };
  if (!usable(manifest)) return { use: false, why: `snapshot made for Pyodide ${manifest.pyodide}` };
  if (typeof DecompressionStream !== "function") return { use: false, why: "no DecompressionStream" };
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
  return { use: true, ...chosen(manifest) };
}

// A first look, before the lockfile and Pyodide are known: worth downloading?
export function usable(manifest) {
  return Boolean(manifest && manifest.format === 2 && manifest.pyodide === PINNED_PYODIDE &&
    manifest.encoding === "gzip" && Array.isArray(manifest.packages) && manifest.packages.length &&
    Array.isArray(manifest.files) && Array.isArray(manifest.ranges) && /^calculators-[0-9a-f]{16}\.snapshot$/.test(manifest.file));
}

function chosen(manifest) {
  const filesBytes = manifest.files.reduce((n, f) => n + f.size, 0);
  const packedBytes = manifest.ranges.reduce((n, r) => n + r[1], 0);
  return { file: manifest.file, bytes: manifest.bytes, rawBytes: manifest.rawBytes,
           ranges: manifest.ranges, packedBytes,
           imageBytes: packedBytes + filesBytes, files: manifest.files,
           loaded: manifest.loaded || {}, packages: manifest.packages.map((p) => p.name),
           canaries: manifest.canaries || [] };
}

function cacheKey(indexURL, manifest) { return indexURL + manifest.file + "?image"; }

// The decompressed image: from Cache Storage if an earlier page kept it, else
// downloaded (onBytes(n) for each compressed chunk) and decompressed.
// Resolves to {image, cached}.
export async function load(indexURL, manifest, onBytes, signal) {
  const want = chosen(manifest);
  try {
    if (self.caches) {
      const hit = await (await caches.open(CACHE)).match(cacheKey(indexURL, manifest));
      if (hit) {
        const image = new Uint8Array(await hit.arrayBuffer());
        if (image.length === want.imageBytes) return { image, cached: true };
      }
    }
  } catch (error) { /* no Cache Storage here (e.g. plain http): download */ }
  const response = await fetch(indexURL + manifest.file, { signal });
  if (!response.ok) throw new Error(`${manifest.file}: HTTP ${response.status}`);
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) { onBytes(chunk.byteLength); controller.enqueue(chunk); },
  }));
  const reader = counted.pipeThrough(new DecompressionStream("gzip")).getReader();
  const image = new Uint8Array(want.imageBytes);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.byteLength > image.length) throw new Error("snapshot larger than its manifest says");
    image.set(value, offset);
    offset += value.byteLength;
  }
  if (offset !== image.length) throw new Error(`snapshot truncated (${offset} of ${image.length} bytes)`);
  return { image, cached: false };
}

// Keep the image for the next page (after it has worked); drop older ones.
export async function keep(indexURL, manifest, image) {
  if (!self.caches) return;
  const cache = await caches.open(CACHE);
  const key = cacheKey(indexURL, manifest);
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
  await cache.put(key, new Response(image, { headers: { "Content-Type": "application/octet-stream" } }));
}

// A kept image that failed: never try it again.
export async function forget(indexURL, manifest) {
  if (self.caches) await (await caches.open(CACHE)).delete(cacheKey(indexURL, manifest));
}

// Start Pyodide from the image (or a promise of it). `options` are the loadPyodide
// options of a normal boot. Writes the packages' files back, restores the record of
// loaded packages, and checks the canaries with run(name, inputs) -> JSON text, as
// built by makeRunner(pyodide).
export async function restore(loadPyodide, options, image, want, makeRunner, mark = () => {}) {
  const bytes = Promise.resolve(image);
  const memory = bytes.then((packed) => {
    const raw = new Uint8Array(want.rawBytes);
    let at = 0;
    for (const [start, length] of want.ranges) {
      if (start + length > raw.length) throw new Error("snapshot range outside its memory");
      raw.set(packed.subarray(at, at + length), start);
      at += length;
    }
    return raw;
  });
  memory.catch(() => {});  // a failure is Pyodide's to report (below), not "unhandled"
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: memory });
  mark("restored");
  const data = await bytes;
  let at = want.packedBytes;
  for (const f of want.files) {
    pyodide.FS.mkdirTree(f.path.slice(0, f.path.lastIndexOf("/")));
    pyodide.FS.writeFile(f.path, data.subarray(at, at + f.size));
    at += f.size;
  }
  Object.assign(pyodide.loadedPackages, want.loaded);
  for (const name of want.packages) {
    if (!pyodide.loadedPackages[name]) throw new Error(`${name} is not recorded as loaded`);
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  mark("packages");
  const run = makeRunner(pyodide);
  for (const c of want.canaries) {
    const answer = run(c.name, c.inputs);
    if (answer !== c.result) throw new Error(`snapshot canary ${c.name} ${c.inputs} answered differently`);
  }
  return { pyodide, run };
}
