"""The zip a heavy compile takes, built in memory the way the real uploader built it.

Only `.pd` files go in, with relative paths, `_main.pd` at the root, and the whole archive at most
1 MiB: checked here, before any request, so the user hears about it at once.
"""

import io
import posixpath
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MAX_ARCHIVE_BYTES = 1 << 20
MAX_UNPACKED_BYTES = 16 << 20  # what we agree to read out of a user's zip (zip bombs)
MAIN = "_main.pd"


class BundleError(ValueError):
    """The files cannot make a patch upload; the message says why, for the user."""


class MissingMainPatch(BundleError):
    pass


class BundleTooLarge(BundleError):
    pass


class UnsafePath(BundleError):
    pass


@dataclass(frozen=True)
class BundledFile:
    path: str
    size: int


@dataclass(frozen=True)
class PatchBundle:
    files: tuple[BundledFile, ...]
    archive: bytes

    @property
    def size(self) -> int:
        return len(self.archive)


def clean_path(path: str) -> str:
    """A safe relative POSIX path, or UnsafePath for absolute and `..` ones."""
    unified = path.replace("\\", "/")
    if unified.startswith("/") or (len(unified) > 1 and unified[1] == ":"):
        raise UnsafePath(f"{path}: absolute paths cannot be uploaded")
    normal = posixpath.normpath(unified)
    if normal == ".." or normal.startswith("../"):
        raise UnsafePath(f"{path}: a path may not leave the patch folder")
    return normal


def _drop_shared_folder(paths: Iterable[str]) -> str:
    """The folder to strip when everything sits in one folder that holds `_main.pd` (a dropped folder)."""
    paths = list(paths)
    if MAIN in paths:
        return ""
    tops = {path.split("/", 1)[0] for path in paths}
    if len(tops) == 1 and all("/" in path for path in paths):
        (top,) = tops
        if f"{top}/{MAIN}" in paths:
            return top + "/"
    return ""


def build_bundle(files: Mapping[str, bytes]) -> PatchBundle:
    """Zip the `.pd` files among `files` (path → content); other files are left out."""
    patches = {clean_path(path): data for path, data in files.items() if path.lower().endswith(".pd")}
    if not patches:
        raise MissingMainPatch("There is no .pd file here: a patch needs at least _main.pd.")
    prefix = _drop_shared_folder(patches)
    patches = {path.removeprefix(prefix): data for path, data in patches.items()}
    if MAIN not in patches:
        found = ", ".join(sorted(patches))
        raise MissingMainPatch(f"A patch needs a {MAIN} at its top level; found: {found}.")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(patches):
            archive.writestr(path, patches[path])
    bundle = PatchBundle(
        files=tuple(BundledFile(path, len(patches[path])) for path in sorted(patches)),
        archive=buffer.getvalue(),
    )
    if bundle.size > MAX_ARCHIVE_BYTES:
        raise BundleTooLarge(
            f"The patch zips to {bundle.size / 1024:.0f} KiB; heavy accepts at most "
            f"{MAX_ARCHIVE_BYTES // 1024} KiB."
        )
    return bundle


def files_from_zip(data: bytes) -> dict[str, bytes]:
    """The members of a user's zip, read within a bound so a zip bomb cannot fill the memory.

    zipfile never yields more than a member's declared size, so bounding the declared sizes
    bounds what is read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
        if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
            raise BundleTooLarge(f"This zip unpacks to more than {MAX_UNPACKED_BYTES >> 20} MiB.")
        return {info.filename: archive.read(info) for info in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
        raise BundleError(f"This file is not a readable zip archive ({error}).") from error
