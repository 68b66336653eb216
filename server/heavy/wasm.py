"""The `web/local` target: hvcc's C compiled to WebAssembly with Debian's clang, plus a player.

No Emscripten (reference §7): clang's wasm32-wasi target with wasi-libc and libc++ builds a
reactor module whose few WASI imports the player stubs. The archive holds the module, a
`patch.json` manifest (channels, @hv_param names, hashes and ranges), the AudioWorklet player
and an example page.
"""

import json
import shutil
from glob import glob
from pathlib import Path

from server.heavy import tool_runs
from server.heavy.workers import Workers

PLAYER = Path(__file__).with_name("web_player")
TIMEOUT = 180
DEFINES = ["-DHV_SIMD_NONE", "-DHV_BARE_METAL"]
C_FLAGS = ["--target=wasm32-wasi", "-O2", *DEFINES]
CXX_FLAGS = [*C_FLAGS, "-std=c++11", "-fno-exceptions", "-fno-rtti"]
EXPORTS = ["hv_delete", "hv_processInline", "hv_sendFloatToReceiver", "malloc", "free"]
REQUIREMENTS = {
    "clang (Debian package clang)": lambda: shutil.which("clang") and shutil.which("clang++"),
    "wasm-ld (Debian package lld)": lambda: shutil.which("wasm-ld"),
    "the WASI C library (Debian package wasi-libc)": lambda: Path("/usr/lib/wasm32-wasi/libc.a").exists(),
    "libc++ for wasm32 (Debian packages libc++-14-dev-wasm32 libc++abi-14-dev-wasm32)": lambda: (
        Path("/usr/lib/wasm32-wasi/libc++.a").exists() and Path("/usr/lib/wasm32-wasi/libc++abi.a").exists()
    ),
    "the wasm32 compiler runtime (Debian package libclang-rt-14-dev-wasm32)": lambda: glob(
        "/usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a"
    ),
}


def missing() -> list[str]:
    """What this machine lacks to build `web/local`; empty when it can."""
    return [need for need, present in REQUIREMENTS.items() if not present()]


def build(workers: Workers, hvcc_dir: Path, work: Path) -> Path:
    """Builds into `work` and returns the folder whose files make up the archive."""
    ir = json.loads(next((hvcc_dir / "ir").glob("*.heavy.ir.json")).read_text())
    manifest = _manifest(ir)
    objects, site = work / "objects", work / "web"
    objects.mkdir()
    site.mkdir()
    c_dir = hvcc_dir / "c"
    compile_c = ["clang", *C_FLAGS, "-c", *map(str, sorted(c_dir.glob("*.c")))]
    compile_cxx = ["clang++", *CXX_FLAGS, "-c", *map(str, sorted(c_dir.glob("*.cpp")))]
    for argv in (compile_c, compile_cxx):
        _run(workers, argv, objects, c_dir)
    exports = [f"-Wl,--export={name}" for name in [f"hv_{manifest['cName']}_new", *EXPORTS]]
    _run(
        workers,
        [
            "clang++",
            "--target=wasm32-wasi",
            "-mexec-model=reactor",
            "-fno-exceptions",
            "-Wl,--strip-all",
            *exports,
            "-o",
            str(site / manifest["wasm"]),
            *map(str, sorted(objects.glob("*.o"))),
        ],
        objects,
        c_dir,
    )
    (site / "patch.json").write_text(json.dumps(manifest, indent=2))
    for player_file in PLAYER.iterdir():
        shutil.copy(player_file, site / player_file.name)
    return site


def _manifest(ir: dict) -> dict:
    c_name = ir["name"]["escaped"]
    params = [
        {
            "name": name,
            "hash": int(receiver["hash"], 16),
            "min": receiver["attributes"]["min"],
            "max": receiver["attributes"]["max"],
            "default": receiver["attributes"]["default"],
        }
        for name, receiver in sorted(ir["control"]["receivers"].items())
        if receiver.get("extern") == "param"
    ]
    return {
        "name": ir["name"]["display"],
        "cName": c_name,
        "wasm": f"{c_name}.wasm",
        "inputs": ir["signal"]["numInputBuffers"],
        "outputs": ir["signal"]["numOutputBuffers"],
        "params": params,
    }


def _run(workers: Workers, argv: list[str], cwd: Path, sources: Path) -> None:
    tool_runs.run(workers, argv, cwd=cwd, hidden=sources, what="WebAssembly", timeout=TIMEOUT)
