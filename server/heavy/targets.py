"""What a successful job can be downloaded as, built on first request and kept in the files store.

Paths follow the 2017 uploader's rule (`unity-src` → `unity/src`). Source trees come from
hvcc's generators; `web/local` from clang (see wasm.py); plugins for Linux and Windows from gcc
and mingw-w64 (see binaries.py). The rest of Enzien's 2018 grid, and the same formats for
platforms this server has no toolchain for, say what they need.

A target's `compileTime` is a duration, measured on the OS's performance counter; when it was
built is a date, and comes from the service's clock (through the store). Whichever machine builds
a target does it in its own scratch folder, from the job's tree in the store (job_files.py); of
the processes asking for one at once, one builds it and the others wait (target_builds.py).
"""

import shutil
import threading
import time
from pathlib import Path

from server.heavy import binaries, job_files, target_builds, wasm
from server.heavy.archives import zip_folder
from server.heavy.compiler import Compiler
from server.heavy.files import Files
from server.heavy.layout import Layout
from server.heavy.records import Job, Target
from server.heavy.store import Store
from server.heavy.target_builds import TargetBuilds
from server.heavy.tool_runs import BuildFailed
from server.heavy.workers import Workers

C_SOURCES = "c/src"
WEB = "web/local"
GENERATORS = {f"{name}/src": name for name in ("pdext", "dpf", "owl", "unity", "wwise", "fmod")}
COMPILER_FOLDERS = frozenset({"c", "hv", "ir"})
MACOS = "Xcode and Apple's SDKs, on macOS"
BUILD_ELSEWHERE = {
    "macos/x64": MACOS,
    "ios/armv7a": MACOS,
    "android/armv7a": "the Android NDK, which Debian does not ship",
}
PLATFORMS_2018 = {
    "unity": ("macos/x64", "android/armv7a"),
    "vst2": ("macos/x64",),
    **{name: ("macos/x64",) for name in ("pdext", "lv2", "vst3", "clap")},
}
UNAVAILABLE = {
    **{
        f"{gen}/{platform}": f"{BUILD_ELSEWHERE[platform]}; download {gen}/src and build it there"
        for gen, platforms in PLATFORMS_2018.items()
        for platform in platforms
    },
    **{
        f"wwise/{platform}": "Audiokinetic's Wwise SDK (proprietary), whose headers the generated"
        " plugin includes; download wwise/src and build it with the SDK"
        for platform in ("ios/armv7a", "macos/x64", "win/x64", "win/x86", "linux/x64")
    },
    **{
        f"pdext/{platform}": "Pd for Windows' pd.dll to link against, which Debian does not ship;"
        " download pdext/src and build it beside Pd on Windows"
        for platform in ("win/x64", "win/x86")
    },
    "vst2/src": "a VST2 generator, which hvcc no longer has: dpf/src is the DPF project that builds"
    " vst2/linux/x64 and vst2/win/x64 here",
    **{
        f"fabric/{platform}": "Tazman Audio's Fabric, discontinued; hvcc has no Fabric generator"
        for platform in ("src", "macos/x64", "win/x86", "win/x64", "linux/x64", "android/armv7a")
    },
    "web/js": "Emscripten (emcc), which this server does not use; web/local is its WebAssembly build",
    "bela/linux/armv7a": "an ARMv7 cross-toolchain and the Bela core; build c/src on the board",
}


class TargetRefused(Exception):
    """The target cannot be served; `status` is the HTTP status that says why."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class Targets:
    def __init__(
        self,
        store: Store,
        layout: Layout,
        files: Files,
        compiler: Compiler,
        workers: Workers,
        builds: TargetBuilds,
    ) -> None:
        self.store, self.layout, self.files = store, layout, files
        self.compiler, self.workers, self.builds = compiler, workers, builds
        self._locks: dict[tuple[int, str], threading.Lock] = {}
        self._guard = threading.Lock()

    def offered(self) -> list[str]:
        """The targets every successful job has here, in the order documents list them."""
        return [C_SOURCES, *GENERATORS, *([WEB] if not wasm.missing() else []), *binaries.available()]

    def archive(self, job: Job, path: str, tree: Path | None = None) -> str:
        """The archive's key for `path`, building it first if nobody has asked before (or waiting
        while another process builds it): from the job's compiled `tree` when the caller has it at
        hand, else from the store's copy."""
        key = self._key(job, path)
        with self._lock(job.id, path):
            while not self.files.exists(key):
                if not self.builds.claim(job.id, path):
                    time.sleep(target_builds.WAIT)
                    continue
                with self.builds.building(job.id, path):
                    if not self.files.exists(key):
                        self._build(job, path, key, tree)
        return key

    def _key(self, job: Job, path: str) -> str:
        self._check(job, path)
        return job_files.target_key(job.id, path)

    def unavailable(self) -> dict[str, str]:
        """The known targets this server cannot build, each with why: what documents list beside
        the targets offered, so a client can tell without asking for each."""
        return {path: why for path in (*UNAVAILABLE, WEB, *binaries.BINARIES) if (why := self._why_not(path))}

    def _why_not(self, path: str) -> str | None:
        if path in UNAVAILABLE:
            return f"{path} cannot be built on this server: it needs {UNAVAILABLE[path]}."
        if path == WEB and wasm.missing():
            return f"{WEB} cannot be built on this server: it needs {'; '.join(wasm.missing())}."
        if path in binaries.BINARIES and (lacking := binaries.BINARIES[path].missing()):
            return f"{path} cannot be built on this server: it needs {'; '.join(lacking)}."
        return None

    def _check(self, job: Job, path: str) -> None:
        why = self._why_not(path)
        if why is not None:
            raise TargetRefused(501, why)
        if path not in self.offered():
            raise TargetRefused(
                404, f"There is no target {path!r}. This server builds: {', '.join(self.offered())}."
            )
        if not job.succeeded:
            raise TargetRefused(404, f"Job {job.key} has no targets: its compile failed.")

    def _lock(self, job_id: int, path: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((job_id, path), threading.Lock())

    def _build(self, job: Job, path: str, key: str, tree: Path | None) -> Target:
        """Records the target, then stores its archive: a target whose archive is stored is
        recorded (a job's answer lists it), and one recorded but not yet stored is built again
        by whoever downloads it first."""
        work = self.layout.scratch()
        try:
            if tree is None:
                tree = work / "tree"
                try:
                    job_files.unpack_tree(self.files, job.id, tree)
                except FileNotFoundError as error:
                    raise TargetRefused(404, f"Job {job.key}'s compiled files are gone.") from error
            tick = time.perf_counter()
            folder, skip = self._contents(job, path, tree, work)
            size = zip_folder(folder, work / "archive.zip", skip)
            compile_time = time.perf_counter() - tick
            target = self.store.add_target(job, path, size=size, compile_time=compile_time)
            self.files.put_file(key, work / "archive.zip")
            return target
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _contents(self, job: Job, path: str, tree: Path, work: Path) -> tuple[Path, frozenset[str]]:
        if path == C_SOURCES:
            return tree / "hvcc" / "c", frozenset()
        try:
            if path == WEB:
                return wasm.build(self.workers, tree / "hvcc", work), frozenset()
            if path in binaries.BINARIES:
                binary = binaries.BINARIES[path]
                generated = self._generate(job, tree, work, binary.generator)
                return binaries.build(self.workers, binary, generated, work), frozenset()
        except BuildFailed as error:
            raise TargetRefused(422, f"{path} could not be built: {error}") from error
        return self._generate(job, tree, work, GENERATORS[path]), COMPILER_FOLDERS

    def _generate(self, job: Job, tree: Path, work: Path, generator: str) -> Path:
        """hvcc's output with `generator`, in `work`."""
        out = work / "out"
        outcome = self.compiler.compile(tree / "patch", out, job.patch.name, generator)
        if outcome.errors:
            details = "; ".join(error["detail"] for error in outcome.errors)
            raise TargetRefused(422, f"hvcc's {generator} generator failed: {details}")
        return out
