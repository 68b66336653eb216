"""ROMFS, MicroPython's read-only file system image (its extmod/vfs_rom.c describes the format):
a tree of files in one buffer that `vfs.VfsRom` mounts as it is, with no file written out, and
whose .mpy modules import from where they lie.

Everything is a record: a kind, the payload's length, the payload, the numbers as big-endian
base-128 with the high bit set on all but the last byte. The image is one record whose payload
holds a directory and file record for each entry, a directory's payload its entries' records."""

FILESYSTEM = 0x14A6B1
"""Encodes as the bytes `RM1` with the high bit on the first two: the image's signature."""
DATA = 2
DIRECTORY = 4
FILE = 5
PADDING = b"\x80"
"""A leading 0x80 adds a byte to a number without changing it."""


def romfs_image(files: dict[str, bytes]) -> bytes:
    """An image of `files`, by their paths (`app/widget/main.mpy`); their folders follow from those."""
    body = _entries(files)
    length = _uint(len(body))
    if (len(_uint(FILESYSTEM)) + len(length) + len(body)) % 2:
        length = PADDING + length  # an image's size is even
    return _uint(FILESYSTEM) + length + body


def _entries(files: dict[str, bytes]) -> bytes:
    folders: dict[str, dict[str, bytes]] = {}
    records = b""
    for path, data in sorted(files.items()):
        name, _, rest = path.partition("/")
        if rest:
            folders.setdefault(name, {})[rest] = data
        else:
            records += _named(FILE, name, _record(DATA, data))
    for name, inside in folders.items():
        records += _named(DIRECTORY, name, _entries(inside))
    return records


def _named(kind: int, name: str, contents: bytes) -> bytes:
    encoded = name.encode()
    return _record(kind, _uint(len(encoded)) + encoded + contents)


def _record(kind: int, payload: bytes) -> bytes:
    return _uint(kind) + _uint(len(payload)) + payload


def _uint(value: int) -> bytes:
    encoded = [value & 0x7F]
    value >>= 7
    while value:
        encoded.insert(0, 0x80 | (value & 0x7F))
        value >>= 7
    return bytes(encoded)
