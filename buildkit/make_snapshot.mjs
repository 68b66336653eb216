// Makes a Pyodide memory snapshot with the app's archives unpacked where PyScript unpacks them
// and its browser-free modules imported (snapshot_preload.py). A snapshot only fits the Pyodide
// build that made it, so it is made by the vendored one.
// Usage: node make_snapshot.mjs PYODIDE_DIR OUT STDLIB.zip ARCHIVE.zip… (STDLIB: the standard
// library the page loads, whose files the snapshot's importers point into).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, out, stdLibURL, ...archives] = process.argv.slice(2).map((p) => resolve(p));
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL, _makeSnapshot: true });
for (const archive of archives) pyodide.unpackArchive(new Uint8Array(readFileSync(archive)), "zip");
const here = dirname(fileURLToPath(import.meta.url));
const namespace = pyodide.toPy({});
const preload = pyodide.runPython(readFileSync(join(here, "snapshot_preload.py"), "utf8") + "\npreload()",
  { globals: namespace });
const leftOut = preload.toJs();
preload.destroy();
namespace.destroy();
writeFileSync(out, pyodide.makeMemorySnapshot());
console.log(JSON.stringify({ leftOut }));
