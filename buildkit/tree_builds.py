"""`app.zip`, its startup snapshot and the widget's bundle made from the working tree, for `serve`
without `--dist`.

Each is made once per change of what goes into it, in a thread, and then served from memory: a
change is seen by a walk of the inputs' sizes and modification times, at most once per
`CHECK_INTERVAL` of the clock, so a flood of requests costs neither zips nor hashes nor walks.
"""

import hashlib
import os
import stat
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from buildkit.archive import zip_tree
from buildkit.latest import Latest
from buildkit.paths import PYTHON_PACKAGES_ZIP, PYTHON_STDLIB_ZIP, ROOT
from buildkit.snapshot import MAKING, make_snapshot, snapshot_key
from buildkit.widget_bundle import widget_bundle
from server.clock import Clock

CHECK_INTERVAL = 0.25
"""Seconds between two looks at the tree: an edit shows on the first reload after it."""
NOT_INPUTS = frozenset({"__pycache__"})


def stat_signature(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under `paths` with its modification time and size: any edit changes it."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        with suppress(FileNotFoundError):
            status = path.stat()
            if not stat.S_ISDIR(status.st_mode):
                found.append((str(path), status.st_mtime_ns, status.st_size))
                continue
            with os.scandir(path) as entries:
                found += stat_signature(Path(entry.path) for entry in entries if entry.name not in NOT_INPUTS)
    return tuple(found)


@dataclass(frozen=True)
class TreeBuild:
    archives: tuple[bytes, bytes]
    """The runtime's packages and the app, in the order the page unpacks them."""
    app_version: str
    snapshot_version: str
    """What each changes with: the app.zip's hash, the snapshot's key."""

    @property
    def app_zip(self) -> bytes:
        return self.archives[1]


def build_tree(root: Path) -> TreeBuild:
    archives = (_packages(root).read_bytes(), zip_tree(root / "app", root, bytecode=False))
    return TreeBuild(
        archives,
        app_version=hashlib.sha256(archives[1]).hexdigest(),
        snapshot_version=snapshot_key(list(archives)),
    )


class TreeBuilds:
    """The newest build of the tree at `root`; `clock` spaces the looks at its files."""

    def __init__(self, root: Path, clock: Clock) -> None:
        self.root, self.clock = root, clock
        self._inputs = (root / "app", _packages(root), root / PYTHON_STDLIB_ZIP.relative_to(ROOT), *MAKING)
        self._looks: Latest[tuple] = Latest()
        self._builds: Latest[TreeBuild] = Latest()
        self._snapshots: Latest[bytes] = Latest()
        self._widgets: Latest[bytes] = Latest()

    async def signature(self) -> tuple:
        """The inputs' signature, looked at anew once per CHECK_INTERVAL."""
        moment = int(self.clock.monotonic() / CHECK_INTERVAL)
        return await self._looks.get(moment, partial(stat_signature, self._inputs))

    async def current(self) -> TreeBuild:
        return await self._builds.get(await self.signature(), partial(build_tree, self.root))

    async def app_zip(self) -> tuple[bytes, str]:
        """`app.zip` as the tree has it now, and its version."""
        build = await self.current()
        return build.app_zip, build.app_version

    async def app_snapshot(self) -> tuple[bytes, str]:
        """The startup snapshot of the tree's app.zip now, and its version."""
        build = await self.current()
        made = await self._snapshots.get(build.snapshot_version, partial(make_snapshot, list(build.archives)))
        return made, build.snapshot_version

    async def widget_bundle(self) -> tuple[bytes, str]:
        """The widget's bundle of the tree's modules now, and its version."""
        made = await self._widgets.get(await self.signature(), partial(widget_bundle, self.root))
        return made, hashlib.sha256(made).hexdigest()


def _packages(root: Path) -> Path:
    return root / PYTHON_PACKAGES_ZIP.relative_to(ROOT)
