// PyScript's `interpreter`: the vendored Pyodide, started from the app's memory snapshot
// (build.py makes it, buildkit/snapshot.py) instead of initialising CPython and importing the app
// from scratch, when the snapshot is at hand. PyScript forwards no snapshot options, so this
// module stands in for pyodide.mjs.
//
// The snapshot is 5.5 MB on the wire, more than an ordinary start costs on most links, so a first
// visit waits for it only on a fast link. Otherwise the app starts the ordinary way and, once it is
// ready, the service worker keeps the snapshot (boot.js asks it to), for the next visits to start
// from. Without a snapshot, or with one this runtime refuses, Pyodide starts the ordinary way.
import * as pyodide from "../vendor/pyodide-314.0.2/pyodide.mjs";

export const version = pyodide.version;
const indexURL = new URL("../vendor/pyodide-314.0.2/", import.meta.url).href;
// The standard library compiled to bytecode (buildkit/vendor.py): Pyodide's own is sources, which
// a start without the snapshot would compile as it imports them.
const stdLibURL = new URL("../vendor/python-stdlib.zip", import.meta.url).href;
const APP_ARCHIVE = new URL("../../app.zip", import.meta.url).href;
const SNAPSHOT = new URL("../../app.snapshot", import.meta.url).href;
// sw.js's cache (tests/unit/test_service_worker.py checks the two name the same).
const KEPT = "tonearm";
const MADE_FOR = 64;
// Bytes per millisecond app.zip must have come at for a first visit to fetch the snapshot before
// starting: 4 MB/s (32 Mbit/s) brings its 5.5 MB in under 1.5 s, about what restoring saves over
// an ordinary start on a slow machine. Measured on the build machine: loopback brings app.zip at
// 20 MB/s and more, an emulated 20 Mbit/s link at 2.5 MB/s (README, Performance).
const FAST_LINK = 4000;

// Started with the module, so the download overlaps PyScript's own setup: the snapshot is checked
// against it, and how fast it came says whether a first visit fetches the snapshot.
const appArchive = fetch(APP_ARCHIVE)
  .then((response) => (response.ok ? response.arrayBuffer() : null))
  .catch(() => null);

/** The snapshot this start restores, as a response still arriving: the copy a visit before kept,
 * else the network's on a fast link, else none. */
async function snapshotToRestore() {
  const kept = await globalThis.caches?.open(KEPT).then((cache) => cache.match(SNAPSHOT));
  if (kept) return { response: kept, kept: true };
  if (!(await fastLink())) return null;
  const response = await fetch(SNAPSHOT);
  return response.ok ? { response, kept: false } : null;
}

/** Whether app.zip came fast enough for the snapshot to pay on a first visit (its Resource Timing
 * entry: bytes on the wire over the time they took to arrive). */
async function fastLink() {
  if (!(await appArchive)) return false;
  const [entry] = performance.getEntriesByName(APP_ARCHIVE);
  if (!entry?.encodedBodySize) return false;
  return entry.encodedBodySize / Math.max(entry.responseEnd - entry.responseStart, 1) >= FAST_LINK;
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

/** The memory to restore; a kept copy made for another app.zip is dropped, so that the service
 * worker keeps this one's once the app is ready. */
async function memory({ response, kept }) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (await fitsTheApp(bytes.subarray(0, MADE_FOR))) return bytes.subarray(MADE_FOR);
  if (kept) await caches.open(KEPT).then((cache) => cache.delete(SNAPSHOT));
  console.warn("Tonearm: the startup snapshot was made for another app.zip; starting without it.");
  throw UNFIT;
}

// A snapshot freezes the interpreter as the build machine left it, `random`'s state included.
const RESEED = "import random\nrandom.seed()";

export async function loadPyodide(options) {
  const snapshot = await snapshotToRestore().catch(() => null);
  if (snapshot) {
    try {
      // Handed over as a promise, so Pyodide fetches its wasm and runtime while the snapshot arrives.
      const restored = await pyodide.loadPyodide({ ...options, indexURL, stdLibURL, _loadSnapshot: memory(snapshot) });
      restored.runPython(RESEED);
      document.documentElement.dataset.snapshot = "restored";
      return restored;
    } catch (error) {
      if (error !== UNFIT) {
        console.warn("Tonearm: the startup snapshot does not fit this Pyodide; starting without it.", error);
      }
    }
  }
  return pyodide.loadPyodide({ ...options, indexURL, stdLibURL });
}
