"""What a compiled job keeps in the files store, under `jobs/<id>/`: its tree as one archive
(`patch/` as uploaded, `hvcc/` as compiled), from which a server on any machine builds the job's
targets in its own scratch folder, and the target archives built so far. Few whole objects, as an
object store likes them, under one prefix, so a deleted job's go with one call."""

import io
import zipfile
from pathlib import Path

from server.heavy.archives import zip_folder
from server.heavy.files import Files, save

PATCH = "patch/"
"""Where the tree keeps the patch as uploaded."""


def prefix(job_id: int) -> str:
    return f"jobs/{job_id}"


def tree_key(job_id: int) -> str:
    return f"{prefix(job_id)}/tree.zip"


def target_key(job_id: int, path: str) -> str:
    return archive_key(job_id, f"{path.replace('/', '-')}.zip")


def archive_key(job_id: int, name: str) -> str:
    """A target archive by its file name, as `target_key` names it."""
    return f"{prefix(job_id)}/targets/{name}"


def pack_tree(tree: Path) -> Path:
    """`tree`'s `patch/` and `hvcc/` as one archive, written beside it."""
    packed = tree.with_name(f"{tree.name}.zip")
    zip_folder(tree, packed)
    return packed


def unpack_tree(files: Files, job_id: int, dest: Path) -> None:
    """Writes the job's `patch/` and `hvcc/` under `dest`, a folder that does not exist yet;
    `FileNotFoundError` when the store has no tree for the job."""
    packed = dest.with_name(f"{dest.name}.zip")
    save(files, tree_key(job_id), packed)
    with zipfile.ZipFile(packed) as archive:
        archive.extractall(dest)
    packed.unlink()


def sources(files: Files, job_id: int) -> bytes:
    """The job's `.pd` files as uploaded, as a zip with `_main.pd` at its root (what the uploader
    sends); `FileNotFoundError` when the store has no tree for the job."""
    packed = io.BytesIO(files.get(tree_key(job_id)))
    out = io.BytesIO()
    with zipfile.ZipFile(packed) as tree, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in tree.namelist():
            if name.startswith(PATCH) and not name.endswith("/"):
                archive.writestr(name.removeprefix(PATCH), tree.read(name))
    return out.getvalue()


def forget(files: Files, job_id: int) -> None:
    files.delete_tree(prefix(job_id))
