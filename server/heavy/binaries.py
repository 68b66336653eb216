"""Binary targets: what hvcc's pdext, dpf and unity generators write, built into files a host loads,
for Linux x86-64 and Windows (see toolchains.py).

- `pdext/linux/x64`: the Pd external, built by the Makefile hvcc writes (pd-lib-builder).
- `lv2`, `vst2`, `vst3`, `clap`: DPF plugins, built by DPF's own makefiles from Debian's
  dpf-source, which needs no Steinberg or CLAP SDK. An LV2 bundle's Turtle files come from DPF's
  generator, which loads a Linux build of the plugin, so a Windows bundle gets them too.
- `unity`: the library the generated C# wrapper (`Hv_<name>_AudioLib.cs`, in the archive) calls;
  the mixer plugin beside it needs Unity's native audio SDK, which hvcc's CMake downloads.

Every tool runs bounded (tool_runs.py), and a build bigger than `OUTPUT_LIMIT` is refused.
"""

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from server.heavy import tool_runs
from server.heavy.tool_runs import BuildFailed
from server.heavy.toolchains import LINUX_X64, WINDOWS_X64, WINDOWS_X86, Toolchain
from server.heavy.workers import Workers

DPF = Path("/usr/share/dpf")
TTL_GENERATOR = DPF / "utils" / "lv2-ttl-generator" / "lv2_ttl_generator.c"
TIMEOUT = 300
"""Seconds one tool may run: a big patch's C, compiled at the lowest priority on a busy machine."""
OUTPUT_LIMIT = 64 * 1024 * 1024
UNITY_FLAGS = ["-O2", "-DNDEBUG", "-fPIC"]

Builder = Callable[[Workers, Toolchain, Path, Path], Path]
"""(workers, toolchain, hvcc's output, a scratch folder) → the folder whose files are the archive."""


def dpf_missing() -> list[str]:
    return [] if (DPF / "Makefile.plugins.mk").is_file() else ["DPF (Debian package dpf-source)"]


@dataclass(frozen=True)
class Binary:
    generator: str
    """The hvcc generator whose output is built."""
    builder: Builder
    toolchain: Toolchain
    needs: tuple[Callable[[], list[str]], ...]

    def missing(self) -> list[str]:
        """What this machine lacks to build it; empty when it can."""
        lacking = [*self.toolchain.missing(), *(need for check in self.needs for need in check())]
        return list(dict.fromkeys(lacking))


def build(workers: Workers, binary: Binary, generated: Path, work: Path) -> Path:
    """Builds from hvcc's output in `generated`, in `work`; returns the archive's folder."""
    folder = binary.builder(workers, binary.toolchain, generated, work)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    if size > OUTPUT_LIMIT:
        limit = OUTPUT_LIMIT >> 20
        raise BuildFailed(f"the build came to {size >> 20} MiB, past the {limit} MiB kept per target")
    return folder


def pdext(workers: Workers, toolchain: Toolchain, generated: Path, work: Path) -> Path:
    _tool(workers, ["make", *toolchain.make_variables], generated, work)
    external = work / "external"
    external.mkdir()
    for built in generated.glob("*.pd_linux"):
        shutil.move(built, external / built.name)
    return external


def dpf_plugin(make_target: str) -> Builder:
    """A builder of one DPF plugin format (`vst2`, `vst3`, `clap`: DPF's make targets)."""

    def build_format(workers: Workers, toolchain: Toolchain, generated: Path, work: Path) -> Path:
        return _dpf(workers, toolchain, generated, work, make_target)

    return build_format


def lv2(workers: Workers, toolchain: Toolchain, generated: Path, work: Path) -> Path:
    bundles = _dpf(workers, toolchain, generated, work, "lv2_dsp")
    described = bundles if toolchain == LINUX_X64 else _dpf(workers, LINUX_X64, generated, work, "lv2_dsp")
    generator = work / "lv2_ttl_generator"
    _tool(workers, [LINUX_X64.cc, str(TTL_GENERATOR), "-o", str(generator), "-ldl"], work, work)
    for bundle in described.glob("*.lv2"):
        library = next(bundle.glob(f"*{LINUX_X64.library}"))
        _tool(workers, [str(generator), f"./{library.name}"], bundle, work)
        if described != bundles:
            native = f"<{library.stem}{toolchain.library}>"
            for turtle in bundle.glob("*.ttl"):
                text = turtle.read_text().replace(f"<{library.name}>", native)
                (bundles / bundle.name / turtle.name).write_text(text)
    return bundles


def unity(workers: Workers, toolchain: Toolchain, generated: Path, work: Path) -> Path:
    sources = generated / "unity" / "include" / "Heavy"
    wrapper = next((generated / "unity" / "src").glob("*_AudioLib.cs"))
    objects, plugin = work / "objects", work / "unity"
    objects.mkdir()
    plugin.mkdir()
    for compiler, pattern, flags in ((toolchain.cc, "*.c", []), (toolchain.cxx, "*.cpp", ["-std=c++11"])):
        files = sorted(str(path) for path in sources.glob(pattern))
        _tool(workers, [compiler, *UNITY_FLAGS, *flags, "-c", *files], objects, work)
    library = plugin / f"{wrapper.stem}{toolchain.library}"
    linked = sorted(str(path) for path in objects.glob("*.o"))
    _tool(workers, [toolchain.cxx, *toolchain.shared_flags, "-o", str(library), *linked], objects, work)
    shutil.copy(wrapper, plugin / wrapper.name)
    return plugin


def _dpf(workers: Workers, toolchain: Toolchain, generated: Path, work: Path, make_target: str) -> Path:
    """Builds hvcc's DPF project against Debian's DPF, objects and plugins in folders of the
    toolchain's own; gives the folder DPF put the plugin in."""
    dpf_link = generated / "dpf"
    if not dpf_link.exists():
        dpf_link.symlink_to(DPF)
    built, objects = work / f"bin-{toolchain.triplet}", work / f"build-{toolchain.triplet}"
    folders = [f"DPF_TARGET_DIR={built}", f"DPF_BUILD_DIR={objects}"]
    make = ["make", make_target, *toolchain.make_variables, *folders]
    _tool(workers, make, generated / "plugin" / "source", work)
    return built


def _tool(workers: Workers, argv: list[str], cwd: Path, work: Path) -> None:
    tool_runs.run(workers, argv, cwd=cwd, hidden=work, what="binary", timeout=TIMEOUT)


FORMATS: dict[str, tuple[str, Builder, tuple[Callable[[], list[str]], ...]]] = {
    "pdext": ("pdext", pdext, ()),
    "lv2": ("dpf", lv2, (dpf_missing, LINUX_X64.missing)),
    "vst2": ("dpf", dpf_plugin("vst2"), (dpf_missing,)),
    "vst3": ("dpf", dpf_plugin("vst3"), (dpf_missing,)),
    "clap": ("dpf", dpf_plugin("clap"), (dpf_missing,)),
    "unity": ("unity", unity, ()),
}
"""Formats by the first part of their targets' paths: hvcc generator, builder, what else they need."""
TOOLCHAINS = {
    "pdext": (LINUX_X64,),
    **{name: (LINUX_X64, WINDOWS_X64, WINDOWS_X86) for name in ("lv2", "vst2", "vst3", "clap", "unity")},
}
BINARIES = {
    f"{name}/{toolchain.platform}": Binary(generator, builder, toolchain, needs)
    for name, (generator, builder, needs) in FORMATS.items()
    for toolchain in TOOLCHAINS[name]
}
"""Every binary target by its path (`vst2/linux/x64`), built here when its toolchain is installed."""


def available() -> list[str]:
    return [path for path, binary in BINARIES.items() if not binary.missing()]
