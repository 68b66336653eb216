// Precompiles a folder of Python sources to .pyc with the exact CPython the browser runs
// (Pyodide's), so the magic number matches. Usage: node compile_pyc.mjs PYODIDE_DIR TARGET_DIR
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, target] = process.argv.slice(2).map((p) => resolve(p));
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.FS.mkdirTree("/target");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: target }, "/target");
const ok = pyodide.runPython(`
import compileall, py_compile
compileall.compile_dir(
    "/target", quiet=1, workers=1,
    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
)
`);
process.exit(ok ? 0 : 1);
