"""A fresh clone needs only Python: build.py makes `.venv` with the project's dependencies."""

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

from buildkit.paths import ROOT, VENV

PYPROJECT = ROOT / "pyproject.toml"


def venv_python() -> Path:
    return VENV / "bin" / "python"


def running_in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def requirements(extras: tuple[str, ...]) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    optional = project.get("optional-dependencies", {})
    return [*project["dependencies"], *(req for extra in extras for req in optional[extra])]


def install_requirements(extras: tuple[str, ...]) -> None:
    """Install once per change of pyproject.toml: the stamp records what was installed."""
    wanted = requirements(extras)
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    stamp = VENV / f".installed-{'-'.join(extras) or 'base'}"
    if stamp.is_file() and stamp.read_text() == digest:
        return
    print(f"installing Python dependencies into {VENV.name}/ …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
        check=True,
    )
    stamp.write_text(digest)


def enter(extras: tuple[str, ...]) -> None:
    """Continue in `.venv` (made if missing) with `extras` installed; re-executes this script."""
    if not running_in_venv():
        if not venv_python().exists():
            print(f"creating {VENV.name}/ …", flush=True)
            venv.create(VENV, with_pip=True)
        os.execv(venv_python(), [str(venv_python()), *sys.argv])
    install_requirements(extras)
