"""Jobs compiled before the files store kept them: folders `jobs/<id>/` under the data folder's
`heavy/` (`patch/`, `hvcc/`, `targets/*.zip`), moved into the store when a process opens the service.

One process moves them at a time (it holds a lock file), so two starting at once neither copy a
folder the other is deleting nor delete what the other copies. Each folder is first renamed aside,
so that a store in the same folder (the default) never holds old and new files under one job; a
move cut short is finished by the next process to start.
"""

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from server.heavy import job_files
from server.heavy.archives import zip_folder
from server.heavy.files import Files

OLD_PARTS = ("patch", "hvcc")


def move_into(files: Files, root: Path) -> int:
    """Moves every old job folder under `root` (the data folder's `heavy/`) into `files`; how many
    were moved."""
    jobs, aside = root / "jobs", root / "jobs-moving"
    if not (jobs.is_dir() or aside.is_dir()):
        return 0
    with _locked(root / "jobs-moving.lock"):
        old = [folder for folder in _numbered(jobs) if any((folder / p).is_dir() for p in OLD_PARTS)]
        if old:
            aside.mkdir(exist_ok=True)
        for folder in old:
            folder.rename(aside / folder.name)
        moving = _numbered(aside)
        for folder in moving:
            _move(folder, int(folder.name), files)
        with suppress(OSError):
            aside.rmdir()
        return len(moving)


def _numbered(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*") if path.name.isdigit() and path.is_dir())


def _move(folder: Path, job_id: int, files: Files) -> None:
    packed = folder.with_name(f"{job_id}.tree.zip")
    zip_folder(folder, packed, skip=frozenset({"targets"}))
    files.put_file(job_files.tree_key(job_id), packed)
    for archive in sorted((folder / "targets").glob("[!.]*.zip")):
        files.put_file(job_files.archive_key(job_id, archive.name), archive)
    shutil.rmtree(folder)
    packed.unlink()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
