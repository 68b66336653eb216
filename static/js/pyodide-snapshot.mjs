// PyScript's `interpreter`: the vendored Pyodide, started from the app's memory snapshot
// (build.py makes it, buildkit/snapshot.py) instead of initialising CPython and importing the app
// from scratch, when the snapshot is at hand. PyScript forwards no snapshot options, so this
// module stands in for pyodide.mjs.
//
// The snapshot is 5 MB on the wire, which on most links costs more than the ordinary start it
// saves, so a first visit waits for it only where the link outpaces the page: when the runtime,
// which index.html asks for first thing, has come over the network by the time this module has
// app.zip. Otherwise the app starts the ordinary way and, once it is ready, the service worker
// keeps the snapshot (boot.js asks it to), for the next visits to restore. Without a snapshot, or
// with one this runtime refuses, Pyodide starts the ordinary way.
import * as pyodide from "../vendor/pyodide-314.0.2/pyodide.mjs";

export const version = pyodide.version;
const indexURL = new URL("../vendor/pyodide-314.0.2/", import.meta.url).href;
// The standard library compiled to bytecode (buildkit/vendor.py): Pyodide's own is sources, which
// a start without the snapshot would compile as it imports them.
const stdLibURL = new URL("../vendor/python-stdlib.zip", import.meta.url).href;
const RUNTIME = [new URL("pyodide.asm.wasm", indexURL).href, stdLibURL];
const APP_ARCHIVE = new URL("../../app.zip", import.meta.url).href;
const SNAPSHOT = new URL("../../app.snapshot", import.meta.url).href;
// sw.js's cache (tests/unit/test_service_worker.py checks the two name the same).
const KEPT = "tonearm";
const MADE_FOR = 64;
// What waiting for the runtime may cost a first start on a slow link, before it goes without the
// snapshot: a busy machine's loopback can bring app.zip a little before the runtime.
const GRACE_MS = 500;
// Started with the module, so the download overlaps PyScript's own setup: the snapshot is checked
// against it.
const appArchive = fetch(APP_ARCHIVE)
  .then((response) => (response.ok ? response.arrayBuffer() : null))
  .catch(() => null);

/** The snapshot this start restores, as a response still arriving: the copy a visit before kept,
 * else the network's on a fast link, else none. */
async function snapshotToRestore() {
  const kept = await globalThis.caches
    ?.open(KEPT)
    .then((cache) => cache.match(SNAPSHOT))
    .catch(() => undefined);
  if (kept) return { response: kept, kept: true };
  if (!(await fastLink())) return null;
  const response = await fetch(SNAPSHOT);
  return response.ok ? { response, kept: false } : null;
}

/** Whether the runtime (5.6 MB, as much as the snapshot) came over the network by the time
 * app.zip did, asked for 0.5 s after it, or within GRACE_MS after that: on loopback, a LAN or a
 * fast line it has, on 20 Mbit/s it is 2 s away (README, Performance). One that came from a cache
 * says nothing of the link: no. */
async function fastLink() {
  await appArchive;
  const deadline = performance.now() + GRACE_MS;
  for (;;) {
    const entries = RUNTIME.map((url) => performance.getEntriesByName(url).at(-1));
    if (entries.some((entry) => entry?.transferSize === 0)) return false;
    if (entries.every(Boolean)) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
/** The snapshot holds the app's modules: it must come from the app.zip this page unpacks, which
 * a cache in between, or a deploy since it was kept, could have paired with an older one. It
 * starts with that app.zip's hex sha256 (buildkit/snapshot.py), 64 bytes that keep the memory after
 * them aligned for Pyodide. Without Web Crypto (plain http) it is trusted. */
async function fitsTheApp(madeFor) {
  if (!globalThis.crypto?.subtle) return true;
  const archive = await appArchive;
  if (!archive) return false;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", archive));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return new TextDecoder().decode(madeFor) === hex;
}

const UNFIT = new Error("the startup snapshot was made for another app.zip");
// Pyodide's snapshot header (API.restoreSnapshot in pyodide.asm.mjs): a magic number, then where
// the memory starts.
const SNAPSHOT_MAGIC = 1886286592;
const SNAPSHOT_HEADER = 48;

/** Whether `bytes` has the shape of a Pyodide memory snapshot. Pyodide looks only once it has made
 * a whole wasm instance for it, and a refused one is left beside the instance of the plain start. */
function looksLikeASnapshot(bytes) {
  if (bytes.byteLength < SNAPSHOT_HEADER || bytes.byteLength % 4) return false;
  const [magic, memoryAt] = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
  return magic === SNAPSHOT_MAGIC && memoryAt <= bytes.byteLength;
}

/** The memory to restore. */
async function memory({ response }) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(await fitsTheApp(bytes.subarray(0, MADE_FOR)))) {
    console.warn("Tonearm: the startup snapshot was made for another app.zip; starting without it.");
    throw UNFIT;
  }
  const restored = bytes.subarray(MADE_FOR);
  if (!looksLikeASnapshot(restored)) throw new Error("not a Pyodide memory snapshot");
  return restored;
}

/** Pyodide's module factory, its memory grown to the snapshot's size before the snapshot is copied
 * in: Pyodide asks for that size with `INITIAL_MEMORY`, which its build ignores (its memory is
 * declared inside the wasm, 30 MiB), so a bigger snapshot failed to restore (pyodide/pyodide#6254). */
async function createPyodideModule(settings) {
  const create = (await import(new URL("pyodide.asm.mjs", indexURL).href)).default;
  const module = await create(settings);
  if (settings.INITIAL_MEMORY) module.growMemory(settings.INITIAL_MEMORY);
  return module;
}

// A snapshot freezes the interpreter as the build machine left it, `random`'s state included.
const RESEED = "import random\nrandom.seed()";

export async function loadPyodide(options) {
  const snapshot = await snapshotToRestore().catch(() => null);
  if (snapshot) {
    try {
      // Handed over as a promise, so Pyodide fetches its wasm and runtime while the snapshot arrives.
      const restored = await pyodide.loadPyodide({
        ...options,
        indexURL,
        stdLibURL,
        createPyodideModule,
        _loadSnapshot: memory(snapshot),
      });
      restored.runPython(RESEED);
      document.documentElement.dataset.snapshot = "restored";
      return restored;
    } catch (error) {
      // A kept copy that is refused would be refused at every visit: dropped, so that the service
      // worker keeps this start's once the app is ready.
      if (snapshot.kept) {
        await caches.open(KEPT).then((cache) => cache.delete(SNAPSHOT)).catch(() => undefined);
      }
      if (error !== UNFIT) {
        console.warn("Tonearm: the startup snapshot does not fit this Pyodide; starting without it.", error);
      }
    }
  }
  return pyodide.loadPyodide({ ...options, indexURL, stdLibURL });
}
