"""The real 2017 uploader (PyPI `hv-uploader`, Python 2.7), unmodified, against the live service.

It joins `/a/…` onto its `-d` domain, which drops any path, so it is pointed at the server's
root, where `/a` and `/h` lead to the heavy service (reference §4.6).
"""

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from heavy_http import SINE_PD, UNKNOWN_OBJECT_PD
from native_probe import probe

from server.heavy import binaries

ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / ".cache" / "hv-uploader-py27"
REQUIREMENTS = ["hv-uploader==2017.9.27", "requests<2.28"]
VST2 = not binaries.BINARIES["vst2/linux/x64"].missing()
"""Whether this machine builds the Linux VST2 plugin (Debian's g++, make and dpf-source)."""


def python27() -> str | None:
    found = shutil.which("python2.7")
    candidates = [found] if found else []
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python2.7")))
    return candidates[-1] if candidates else None


@pytest.fixture(scope="module")
def uploader(tmp_path_factory):
    """Runs `hv-uploader ARGS…` under Python 2.7 with a private HOME; returns the process."""
    python = python27()
    if python is None:
        pytest.skip("no Python 2.7 on this machine (the 2017 uploader needs it)")
    if not (CACHE / "hv_uploader").is_dir():
        installed = subprocess.run(
            [
                python,
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "--target",
                str(CACHE),
                *REQUIREMENTS,
            ],
            capture_output=True,
            text=True,
        )
        if installed.returncode != 0:
            pytest.skip(f"could not install hv-uploader for Python 2.7: {installed.stderr[-300:]}")
    home = tmp_path_factory.mktemp("home")

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        # the machine's environment, so the uploader shares the server's clock (even a faked one:
        # it refuses a token dated after its own now)
        env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(CACHE)}
        env.pop("PYTHONHOME", None)
        return subprocess.run(
            [python, str(CACHE / "bin" / "hv-uploader"), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run


def patch_dir(root: Path, main_pd: str) -> Path:
    root.mkdir()
    (root / "_main.pd").write_text(main_pd)
    return root


def test_uploader_creates_compiles_and_downloads(uploader, live_server, new_token, tmp_path):
    source = patch_dir(tmp_path / "tone", SINE_PD)
    done = uploader(
        str(source),
        "-n",
        "tone",
        "-g",
        "c-src",
        "web-local",
        *(["vst2-linux-x64"] if VST2 else []),
        "-b",
        "-o",
        "out",
        "-r",
        "dev",
        "-d",
        live_server,
        "-t",
        new_token("ursula"),
        "--force_new_patch",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Job URL: {live_server}/h/ursula/tone/1" in done.stdout
    assert "Heavy release: dev" in done.stdout
    assert (tmp_path / "out" / "c-src" / "Heavy_tone.cpp").is_file()
    assert (tmp_path / "out" / "web-local" / "tone.wasm").is_file()
    if VST2:
        # the entry point Linux VST2 hosts look up
        assert probe("exports", str(tmp_path / "out" / "vst2-linux-x64" / "tone-vst.so"), "main") == ["main"]


def test_uploader_prints_compile_errors_and_exits_4(uploader, live_server, new_token, tmp_path):
    source = patch_dir(tmp_path / "broken", UNKNOWN_OBJECT_PD)
    done = uploader(
        str(source),
        "-n",
        "broken",
        "-g",
        "c-src",
        "-d",
        live_server,
        "-t",
        new_token("ursula"),
        "--force_new_patch",
        cwd=tmp_path,
    )
    assert done.returncode == 4, done.stdout + done.stderr
    assert '[fiddle~] in "_main.pd" @ (x:120, y:70)' in done.stdout


def test_uploader_reports_a_bad_token_as_unknown_user(uploader, live_server, tmp_path):
    source = patch_dir(tmp_path / "tone", SINE_PD)
    forged = (
        "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9."
        "eyJzdGFydERhdGUiOiAiMjAyMC0wMS0wMVQwMDowMDowMC4wMDAwMDEiLCAibmFtZSI6ICJib2IifQ==."
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    )
    done = uploader(str(source), "-n", "tone", "-d", live_server, "-t", forged, cwd=tmp_path)
    assert done.returncode == 9
    assert "Unknown username or password." in done.stdout
