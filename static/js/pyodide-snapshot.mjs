// PyScript's `interpreter`: the vendored Pyodide, started from the app's memory snapshot
// (build.py makes it, buildkit/snapshot.py) instead of initialising CPython and importing the app
// from scratch. PyScript forwards no snapshot options, so this module stands in for pyodide.mjs.
// Without a snapshot, or with one this runtime refuses, Pyodide starts the ordinary way.
import * as pyodide from "../vendor/pyodide-314.0.2/pyodide.mjs";

export const version = pyodide.version;
const indexURL = new URL("../vendor/pyodide-314.0.2/", import.meta.url).href;
const MADE_FOR = 64;

// Both start with the module, so the downloads overlap PyScript's own setup. The snapshot comes as
// it is, the transport compressing it (brotli where the browser takes it); the browser decodes it
// while it arrives.
const appArchive = fetch(new URL("../../app.zip", import.meta.url))
  .then((response) => (response.ok ? response.arrayBuffer() : null))
  .catch(() => null);
const snapshot = (async () => {
  const response = await fetch(new URL("../../app.snapshot", import.meta.url));
  if (!response.ok) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(await fitsTheApp(bytes.subarray(0, MADE_FOR)))) {
    console.warn("Tonearm: the startup snapshot was made for another app.zip; starting without it.");
    return null;
  }
  return bytes.subarray(MADE_FOR);
})().catch(() => null);

/** The snapshot holds the app's modules: it must come from the app.zip this page unpacks, which
 * a cache in between could have paired with an older one. It starts with that app.zip's hex
 * sha256 (buildkit/snapshot.py), 64 bytes that keep the memory after them aligned for Pyodide.
 * Without Web Crypto (plain http) it is trusted. */
async function fitsTheApp(madeFor) {
  if (!globalThis.crypto?.subtle) return true;
  const archive = await appArchive;
  if (!archive) return false;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", archive));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return new TextDecoder().decode(madeFor) === hex;
}

// A snapshot freezes the interpreter as the build machine left it, `random`'s state included.
const RESEED = "import random\nrandom.seed()";

// Handed over as a promise, so Pyodide fetches its wasm and runtime while the snapshot unpacks.
const NO_SNAPSHOT = new Error("no startup snapshot");

export async function loadPyodide(options) {
  try {
    const bytes = snapshot.then((found) => found ?? Promise.reject(NO_SNAPSHOT));
    const restored = await pyodide.loadPyodide({ ...options, indexURL, _loadSnapshot: bytes });
    restored.runPython(RESEED);
    document.documentElement.dataset.snapshot = "restored";
    return restored;
  } catch (error) {
    if (error !== NO_SNAPSHOT) {
      console.warn("Tonearm: the startup snapshot does not fit this Pyodide; starting without it.", error);
    }
  }
  return pyodide.loadPyodide({ ...options, indexURL });
}
