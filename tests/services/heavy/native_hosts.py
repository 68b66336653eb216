"""The test hosts in hosts/ (C), compiled for Linux with gcc or for Windows with mingw-w64, and run
natively or under wine: a host prints what it found and renders into a WAV, or exits 1 saying why.

Each run is a process of its own, like native_probe.py's, so a plugin's floating-point mode never
reaches the test process.
"""

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from rendered_audio import wav_channels

HOSTS = Path(__file__).parent / "hosts"
DPF_SOURCES = Path("/usr/share/dpf/distrho/src")
"""Where DPF keeps the CLAP headers (`clap/*.h`), its VST2 header (`xaymar-vst2/vst.h`) and its C
VST3 headers (`travesty/*.h`)."""
TIMEOUT = 120


@dataclass(frozen=True)
class Platform:
    compiler: str
    flags: tuple[str, ...]
    suffix: str


LINUX = Platform("gcc", ("-ldl", "-lm"), "")
WINDOWS = Platform("x86_64-w64-mingw32-gcc", ("-static", "-lm"), ".exe")
"""Statically linked, so wine needs no mingw runtime DLLs beside the host."""


def compile_host(platform: Platform, source: str, folder: Path) -> Path:
    """Compiles hosts/<source> (C, or C++ without its runtime) into `folder`; returns the executable.
    travesty's C interfaces embed their bases as anonymous members, a Microsoft extension."""
    executable = folder / f"{Path(source).stem}{platform.suffix}"
    sources = [str(HOSTS / source), str(HOSTS / "hosting.c")]
    argv = [platform.compiler, "-O2", "-Wall", "-fms-extensions", f"-I{DPF_SOURCES}", "-o", str(executable)]
    done = subprocess.run([*argv, *sources, *platform.flags], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    return executable


@dataclass
class Rendered:
    printed: list[list[str]]
    """What the host printed, by line, split at tabs."""
    channels: list[list[float]]
    rate: int


@dataclass
class Runner:
    """Runs hosts natively, or under wine in a prefix of its own (`wine_prefix`), timing each run."""

    wine_prefix: Path | None = None
    seconds: list[float] = field(default_factory=list)

    def path(self, path: Path) -> str:
        """`path` as the host sees it: wine maps `/` to drive Z:."""
        return str(path) if self.wine_prefix is None else "Z:" + str(path).replace("/", "\\")

    def render(self, executable: Path, *args: str | Path) -> Rendered:
        """Runs the host with `args` (paths converted) and a WAV path last; what it rendered."""
        wav = executable.parent / "rendered.wav"
        argv = [self.path(arg) if isinstance(arg, Path) else arg for arg in (*args, wav)]
        done = self._run([str(executable), *argv])
        assert done.returncode == 0, f"the host exited {done.returncode}: {done.stderr.strip()}"
        channels, rate = wav_channels(wav)
        return Rendered([line.split("\t") for line in done.stdout.splitlines()], channels, rate)

    def stop(self) -> None:
        """Ends this prefix's wineserver, which outlives the runs for a few seconds."""
        if self.wine_prefix is not None:
            subprocess.run(["wineserver", "-k"], env=self._env(), capture_output=True, timeout=TIMEOUT)

    def _run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        command = argv if self.wine_prefix is None else ["wine", *argv]
        tick = time.perf_counter()
        done = subprocess.run(command, env=self._env(), capture_output=True, text=True, timeout=TIMEOUT)
        self.seconds.append(round(time.perf_counter() - tick, 1))
        return done

    def _env(self) -> dict[str, str]:
        """Under wine: no debug lines, and no offer to install Mono or Gecko into a new prefix."""
        if self.wine_prefix is None:
            return dict(os.environ)
        quiet = {"WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}
        return {**os.environ, "WINEPREFIX": str(self.wine_prefix), **quiet}
