"""A version's `web/local` build, read from its archive: what the browser needs to play the patch.

The service builds it with clang (server/heavy/wasm.py): `patch.json` names the wasm module and
lists the `@hv_param` inputs as hvcc exported them, with their receiver hashes, ranges and defaults;
`heavy-worklet.js` is the AudioWorklet processor that runs the module.
"""

import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.heavy.models import Job

WEB_BUILD = "web/local"
MANIFEST = "patch.json"
WORKLET = "heavy-worklet.js"


class WebBuildError(ValueError):
    """The archive does not hold a playable build; the message says what is wrong, for the user."""


@dataclass(frozen=True)
class WebParam:
    """An `@hv_param` input as hvcc exported it."""

    name: str
    minimum: float
    maximum: float
    default: float


@dataclass(frozen=True)
class WebBuild:
    name: str
    manifest: dict[str, Any] = field(compare=False)
    """`patch.json` as it is, for the worklet, which reads its hashes and channel counts."""
    wasm: bytes = field(repr=False)
    worklet: str = field(repr=False)
    params: tuple[WebParam, ...] = ()


@dataclass(frozen=True)
class PlayLink:
    """What a Play button needs to queue a version: which one, and where its web build is."""

    owner: str
    patch: str
    version: int
    url: str


def play_link(owner: str, patch: str, job: Job) -> PlayLink | None:
    """None for a failed compile, which has no build to play, and where the service says it
    cannot build one; else its link, or where the uploader's rule puts it (a job list has none)."""
    if not job.succeeded or any(generator == WEB_BUILD for generator, _ in job.unavailable):
        return None
    listed = next((target.url for target in job.targets if target.generator == WEB_BUILD), None)
    return PlayLink(owner, patch, job.index, listed or f"{job.html}/{WEB_BUILD}/archive.zip")


def newest_play_link(owner: str, patch: str, jobs: Iterable[Job]) -> PlayLink | None:
    """The first of `jobs` (newest first, as the client lists them) that has a build to play."""
    return next(filter(None, (play_link(owner, patch, job) for job in jobs)), None)


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise WebBuildError(f"The web build has no {name}.") from None


def _param(entry: Any) -> WebParam:
    return WebParam(str(entry["name"]), float(entry["min"]), float(entry["max"]), float(entry["default"]))


def read_web_build(data: bytes) -> WebBuild:
    """The build in a `web/local` archive; WebBuildError when a part is missing or unreadable."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise WebBuildError(f"The web build is not a readable zip archive ({error}).") from error
    text = _member(archive, MANIFEST)
    try:
        manifest = json.loads(text)
        wasm_name = str(manifest["wasm"])
        params = tuple(_param(entry) for entry in manifest.get("params", []))
        name = str(manifest.get("name") or manifest["cName"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise WebBuildError(f"The web build's {MANIFEST} cannot be read ({error}).") from error
    worklet = _member(archive, WORKLET).decode("utf-8", errors="replace")
    return WebBuild(name, manifest, _member(archive, wasm_name), worklet, params)
