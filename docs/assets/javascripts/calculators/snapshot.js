// The one place that uses Pyodide's private memory-snapshot API (`_loadSnapshot`,
// the `loadedPackages` record, and at build time the Emscripten module's allocator).
// Imported by worker.js, and by scripts/build_snapshot.mjs, which makes the snapshot
// at build time with the same pinned Pyodide (in Node) and restores it once with
// restore() below before publishing it. assets/pyodide/snapshot.json describes it.
//
// A snapshot is used only when ALL of these hold; otherwise the worker boots Pyodide
// the normal way (same answers, a few seconds slower):
// - the Pyodide loaded by the page is PINNED_PYODIDE (the API is private);
// - the manifest was written for that Pyodide version, in this FORMAT;
// - every package the snapshot holds is in the lockfile the page is served, with the
//   same file name and sha256 (a rebuilt wheel without a new snapshot is refused);
// - the file arrives whole (the manifest's size), Pyodide accepts the memory (magic
//   number and build id), and the restored engine answers the manifest's canary
//   exactly as the maker did.
// Anything else throws; the worker then falls back to the normal boot.
//
// The image (calculators-<hash>.snapshot) is not compressed: the server sends its
// pre-compressed copy (.br or .gz beside it, deploy/nginx.conf) and the browser
// decodes it. To be small it holds:
// - the memory XOR the initial memory that the .wasm's data segments describe (the
//   page takes it from the fresh instance of the .wasm, before Pyodide copies the
//   snapshot in), so the static data the program never changed costs nothing;
// - only the 1 kB blocks of that which are not all zeros (manifest "ranges"): the
//   build zeroed the allocator's free memory and the unused stack first (scrub());
// - then the files the packages installed under site-packages (the snapshot holds
//   Python's memory, not the file system).
// The restored engine mounts an empty standard library (manifest "stdlib"): every
// module the calculators use is already in its memory, and the build checked every
// case of tests/calculators/cases.json that way. Should a computation still import a
// module of the standard library it does not hold, Pyodide's whole python_stdlib.zip
// is fetched then (STDLIB_ON_DEMAND). Once used successfully, the image
// is kept in Cache Storage (when the browser offers it), so a second calculator page
// skips the download.

export const PINNED_PYODIDE = "314.0.7";
export const FORMAT = 3;
export const BLOCK = 1024;  // smaller blocks leave out more zeros; 1 kB: about 300 ranges
const CACHE = "calculators-snapshot"; // not "handbook-…": sw.js deletes those

// May the manifest be used with this lockfile and this Pyodide version?
export function plan(manifest, lockText, version) {
  if (!manifest) return { use: false, why: "no snapshot manifest" };
  if (version !== PINNED_PYODIDE) return { use: false, why: `Pyodide ${version} is not ${PINNED_PYODIDE}` };
  if (!usable(manifest)) return { use: false, why: `snapshot made for Pyodide ${manifest.pyodide}` };
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
  return Boolean(manifest && manifest.format === FORMAT && manifest.pyodide === PINNED_PYODIDE &&
    manifest.base === "wasm-data" && manifest.wasm && Array.isArray(manifest.wasm.data) &&
    manifest.stdlib && typeof manifest.stdlib.file === "string" &&
    Array.isArray(manifest.packages) && manifest.packages.length &&
    Array.isArray(manifest.files) && Array.isArray(manifest.ranges) &&
    /^calculators-[0-9a-f]{16}\.snapshot$/.test(manifest.file));
}

function chosen(manifest) {
  const filesBytes = manifest.files.reduce((n, f) => n + f.size, 0);
  const packedBytes = manifest.ranges.reduce((n, r) => n + r[1], 0);
  return { file: manifest.file, rawBytes: manifest.rawBytes, ranges: manifest.ranges, packedBytes,
           imageBytes: packedBytes + filesBytes, files: manifest.files, wasm: manifest.wasm,
           stdlib: manifest.stdlib.file,
           loaded: manifest.loaded || {}, packages: manifest.packages.map((p) => p.name),
           canaries: manifest.canaries || [] };
}

function cacheKey(indexURL, manifest) { return indexURL + manifest.file + "?image"; }

// The image: from Cache Storage if an earlier page kept it, else downloaded
// (onBytes(n, response) for each chunk, as the browser decoded it).
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
  const reader = response.body.getReader();
  const image = new Uint8Array(want.imageBytes);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.byteLength > image.length) throw new Error("snapshot larger than its manifest says");
    image.set(value, offset);
    offset += value.byteLength;
    onBytes(value.byteLength, response);
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

// ------------------------------------------------------------ the memory's base

// The active data segments of a .wasm file: [{offset, bytes}], each where it lands in
// the memory at instantiation. Throws on anything else (a passive segment, an offset
// that is not a constant): such a file cannot serve as the base.
export function wasmData(wasm) {
  const b = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  if (b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d) throw new Error("not a .wasm file");
  let p = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = b[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  while (p < b.length) {
    const id = b[p++];
    const size = leb();
    const end = p + size;
    if (id === 11) {
      const segments = [];
      for (let n = leb(); n > 0; n--) {
        // flag 0 and `i32.const <offset>; end`: the only form this base handles
        if (leb() !== 0 || b[p++] !== 0x41) throw new Error("unexpected data segment");
        const offset = leb();
        if (b[p++] !== 0x0b) throw new Error("unexpected data segment offset");
        const length = leb();
        segments.push({ offset, bytes: b.subarray(p, p + length) });
        p += length;
      }
      return segments;
    }
    p = end;
  }
  return [];
}

// XOR the initial memory into a snapshot (Pyodide's header, then the memory), at
// build time from the data segments of the .wasm file.
export function applyBase(snapshot, segments) {
  const header = headerBytes(snapshot);
  for (const { offset, bytes } of segments) {
    const at = header + offset;
    if (at + bytes.length > snapshot.length) throw new Error("data segment outside the memory");
    for (let i = 0; i < bytes.length; i++) snapshot[at + i] ^= bytes[i];
  }
  return snapshot;
}

// [start, end) of the memory the data segments fill (for the manifest).
export function dataExtent(segments) {
  return [Math.min(...segments.map((s) => s.offset)),
          Math.max(...segments.map((s) => s.offset + s.bytes.length))];
}

function headerBytes(snapshot) {
  return new DataView(snapshot.buffer, snapshot.byteOffset, 8).getUint32(4, true);
}

// The snapshot Pyodide restores (into `raw`, zeros of the snapshot's size), from the
// image and the memory of a fresh instance of the .wasm: where its data segments put
// their bytes, XOR is its own inverse.
export function unpack(image, want, memory, raw = new Uint8Array(want.rawBytes)) {
  if (raw.length !== want.rawBytes) throw new Error("snapshot buffer of the wrong size");
  let at = 0;
  for (const [start, length] of want.ranges) {
    if (start + length > raw.length) throw new Error("snapshot range outside its memory");
    raw.set(image.subarray(at, at + length), start);
    at += length;
  }
  const [start, end] = want.wasm.data;
  const header = headerBytes(raw);
  if (end > memory.length || header + end > raw.length) throw new Error("the .wasm's data does not fit the snapshot");
  for (let i = start; i < end; i++) raw[header + i] ^= memory[i];
  return raw;
}

// A module of the standard library that the snapshot does not hold (imported on a
// path no build-time case took): fetch Pyodide's whole standard library once, in its
// place, and import from it. Synchronously (an import cannot wait): XMLHttpRequest,
// which workers have; where there is none (Node.js, the build's own check) the module
// is simply missing.
const STDLIB_ON_DEMAND = `
import importlib, importlib.machinery, sys, zipimport

class _StdlibOnDemand:
    def __init__(self, url, mounted):
        self.url, self.mounted = url, mounted

    def find_spec(self, name, path=None, target=None):
        if self.url is None or name.partition(".")[0] not in sys.stdlib_module_names:
            return None
        url, self.url = self.url, None
        try:
            from js import Uint8Array, XMLHttpRequest
            request = XMLHttpRequest.new()
            request.open("GET", url, False)
            request.responseType = "arraybuffer"
            request.send()
            if request.status != 200:
                return None
            data = Uint8Array.new(request.response).to_bytes()
        except Exception:
            return None
        with open(self.mounted, "wb") as fh:
            fh.write(data)
        zipimport._zip_directory_cache.clear()
        sys.path_importer_cache.clear()
        importlib.invalidate_caches()
        return importlib.machinery.PathFinder.find_spec(name, path, target)

def _install(url):
    mounted = next(p for p in sys.path if p.endswith(".zip"))
    sys.meta_path.append(_StdlibOnDemand(url, mounted))
`;

// Wrap WebAssembly's instantiation until Pyodide's .wasm (the instance that exports
// the memory) has been instantiated: the buffer is filled (once the image is in)
// before the instance is handed over. Returns the function that restores the
// originals (also called on the way). Without an image (the download failed) the
// attempt is given up: the instance is never handed over, nothing is reported.
function fillOnInstantiation(buffer, bytes, want, mark) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  let filled = null;
  const unwrap = () => {
    if (WebAssembly.instantiate === wrapped) WebAssembly.instantiate = instantiate;
    if (WebAssembly.instantiateStreaming === wrappedStreaming) WebAssembly.instantiateStreaming = instantiateStreaming;
  };
  const fill = async (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const memory = instance && instance.exports.memory;
    if (!(memory instanceof WebAssembly.Memory)) return result;  // another, small module
    if (!filled) {
      unwrap();  // one instance only: a normal boot after a failed attempt is untouched
      filled = bytes.then((packed) => unpack(packed, want, new Uint8Array(memory.buffer), buffer));
      filled.then(() => mark("memory"), () => {});
    }
    try {
      await filled;
    } catch (error) {
      return new Promise(() => {});  // (Pyodide would report a failed instantiation)
    }
    return result;
  };
  const wrapped = (...args) => instantiate.apply(WebAssembly, args).then(fill);
  const wrappedStreaming = instantiateStreaming
    && ((...args) => instantiateStreaming.apply(WebAssembly, args).then(fill));
  WebAssembly.instantiate = wrapped;
  if (instantiateStreaming) WebAssembly.instantiateStreaming = wrappedStreaming;
  bytes.catch(unwrap);
  return unwrap;
}

// Build time, just before makeMemorySnapshot: zero what the snapshot need not carry,
// so that the image leaves it out or it costs next to nothing compressed. Every free
// chunk of the allocator (taken with malloc until none is left without growing the
// memory, zeroed, freed again) and the stack below its pointer (nothing runs).
export function scrub(pyodide) {
  const M = pyodide._module;
  const limit = M._malloc_footprint_limit();
  M._malloc_set_footprint_limit(M._malloc_footprint());
  const held = [];
  try {
    for (let size = 1 << 22; size >= 8; size >>= 1) {
      for (;;) {
        const p = M._malloc(size);
        if (!p) break;
        M.HEAPU8.fill(0, p, p + size);
        held.push(p);
      }
    }
  } finally {
    for (const p of held) M._free(p);
    M._malloc_set_footprint_limit(limit);
  }
  M.HEAPU8.fill(0, M._emscripten_stack_get_end(), M.stackSave());
  return held.length;
}

// Start Pyodide from the image (or a promise of it). `options` are the loadPyodide
// options of a normal boot, with `stdLibURL` the manifest's empty standard library (a
// path in Node). Writes the packages' files back, restores the record of loaded
// packages, and checks the canaries with run(name, inputs) -> JSON text, as built by
// makeRunner(pyodide).
//
// Pyodide waits for the snapshot before it goes on to instantiate the .wasm, and
// copies it into the memory once the instance is made. So it is handed at once a
// buffer of the snapshot's size (its own setup and the instantiation run while the
// image downloads), and the instantiation of its .wasm (WebAssembly.instantiate and
// instantiateStreaming, wrapped until then) completes only once the buffer is filled
// from the image and that fresh instance's memory.
export async function restore(loadPyodide, options, image, want, makeRunner, mark = () => {}) {
  const bytes = Promise.resolve(image);
  const buffer = new Uint8Array(want.rawBytes);
  const unwrap = fillOnInstantiation(buffer, bytes, want, mark);
  let pyodide;
  try {
    pyodide = await loadPyodide({ ...options, _loadSnapshot: buffer });
  } finally {
    unwrap();
  }
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
  const scope = pyodide.globals.get("dict")();
  pyodide.runPython(STDLIB_ON_DEMAND, { globals: scope });
  const install = scope.get("_install");
  install(options.indexURL + "python_stdlib.zip");
  install.destroy();
  scope.destroy();
  mark("packages");
  const run = makeRunner(pyodide);
  for (const c of want.canaries) {
    const answer = run(c.name, c.inputs);
    if (answer !== c.result) throw new Error(`snapshot canary ${c.name} ${c.inputs} answered differently`);
  }
  return { pyodide, run };
}
