// Precompiles a folder of Python sources to .pyc with the exact CPython the browser runs
// (Pyodide's), so the magic number matches. Usage: node compile_pyc.mjs PYODIDE_DIR TARGET_DIR [stdlib]
// With `stdlib`, each .pyc goes beside its source (zipimport reads no __pycache__) and names its
// file as Pyodide's standard library zip sits in the browser (/lib/python3XX.zip/...).
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, target] = process.argv.slice(2, 4).map((p) => resolve(p));
const stdlib = process.argv[4] === "stdlib";
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.FS.mkdirTree("/target");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: target }, "/target");
pyodide.globals.set("stdlib", stdlib);
const ok = pyodide.runPython(`
import compileall, py_compile, sys
compileall.compile_dir(
    "/target", quiet=1, workers=1, legacy=stdlib,
    ddir=f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip" if stdlib else None,
    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
)
`);
process.exit(ok ? 0 : 1);
