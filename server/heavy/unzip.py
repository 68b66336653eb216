"""Unpacking an uploaded patch without trusting it: paths, links, sizes and counts are checked.

Only `.pd` files are written (Pd only reads those, and macOS `__MACOSX/` forks are skipped);
sizes are counted while inflating, since a zip's headers may lie about them.
"""

import io
import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

MAX_UPLOAD = 1024 * 1024
MAX_UNPACKED = 16 * 1024 * 1024
MAX_FILES = 256
MAX_DEPTH = 8
CHUNK = 64 * 1024
MAIN = "_main.pd"
PD_HEADER = b"#N canvas"


class UnsafeUpload(ValueError):
    """The upload cannot be compiled; the message says why, for the person who sent it."""

    status = 400


class UploadTooLarge(UnsafeUpload):
    status = 413


def unpack(data: bytes, dest: Path) -> None:
    """Writes the patch's `.pd` files under `dest`: the archive's, or the upload as `_main.pd`."""
    if len(data) > MAX_UPLOAD:
        raise UploadTooLarge(f"The upload is {len(data)} bytes; the limit is {MAX_UPLOAD} bytes.")
    if data.startswith(PD_HEADER):
        (dest / MAIN).write_bytes(data)
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnsafeUpload("The upload is neither a zip archive nor a Pd file.") from error
    with archive:
        members = [m for m in archive.infolist() if _wanted(m)]
        names = [str(PurePosixPath(m.filename)) for m in members]
        if len(set(names)) != len(names):
            raise UnsafeUpload("The archive holds the same path twice.")
        if len(members) > MAX_FILES:
            raise UnsafeUpload(f"The archive holds {len(members)} Pd files; the limit is {MAX_FILES}.")
        if MAIN not in names:
            raise UnsafeUpload(f"The archive has no {MAIN} at its root.")
        budget = MAX_UNPACKED
        try:
            for member in members:
                budget -= _extract(archive, member, dest, budget)
        except (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError) as error:
            raise UnsafeUpload("The archive is damaged or has conflicting entries.") from error


def _wanted(member: zipfile.ZipInfo) -> bool:
    _check_name(member)
    if stat.S_ISLNK(member.external_attr >> 16):
        raise UnsafeUpload(f"{member.filename!r} is a symbolic link; links are not accepted.")
    path = PurePosixPath(member.filename)
    return not member.is_dir() and path.suffix == ".pd" and path.parts[0] != "__MACOSX"


def _check_name(member: zipfile.ZipInfo) -> None:
    name = member.filename
    path = PurePosixPath(name)
    relative = path.parts and not path.is_absolute() and ":" not in path.parts[0]
    if not relative or "\\" in name or "\0" in name:
        raise UnsafeUpload(f"{name!r} is not a relative path inside the archive.")
    if ".." in path.parts:
        raise UnsafeUpload(f"{name!r} climbs out of the archive with '..'.")
    if len(path.parts) > MAX_DEPTH:
        raise UnsafeUpload(f"{name!r} is nested more than {MAX_DEPTH} folders deep.")
    if member.flag_bits & 0x1:
        raise UnsafeUpload(f"{name!r} is encrypted.")


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, dest: Path, budget: int) -> int:
    target = dest.joinpath(*PurePosixPath(member.filename).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as out, archive.open(member) as source:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > budget:
                raise UnsafeUpload(
                    f"The archive unpacks to more than {MAX_UNPACKED} bytes; it looks like a zip bomb."
                )
            out.write(chunk)
    return written
