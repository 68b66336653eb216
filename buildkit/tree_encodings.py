"""The working tree's files with their compressed copies, for `serve` without `--dist`.

A file is compressed on the first request after it changed, at the fast settings (well under a
second for the biggest, the runtime's wasm and the startup snapshot), in a thread while the event
loop serves others, then served from memory. Its ETag is its content's hash, so a copy is made
once per content and a reload after an edit revalidates only what changed.
"""

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from buildkit.compression import compressed
from buildkit.latest import Latest
from server.content_coding import Encoded, Variant, coded_etag
from server.encoded_files import media_type


def encode(name: str, identity: Path | bytes, data: bytes) -> Encoded:
    """`data`, named `name`, sent as `identity` (its file, or itself) or in a compressed copy."""
    etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
    coded = {coding: Variant(packed, coded_etag(etag, coding)) for coding, packed in compressed(data).items()}
    return Encoded(media_type(Path(name)), Variant(identity, etag), coded)


def encode_file(path: Path) -> Encoded:
    return encode(path.name, path, path.read_bytes())


class TreeEncodings:
    """The newest variants of each file or made thing, by its path or name."""

    def __init__(self) -> None:
        self._threads = ThreadPoolExecutor(max_workers=2)
        self._latest: dict[str, Latest[Encoded]] = {}

    async def file(self, path: Path, status: os.stat_result) -> Encoded:
        """`path` as it is now: encoded again when its modification time or size changed."""
        key = (status.st_mtime_ns, status.st_size)
        return await self._slot(str(path)).get(key, partial(encode_file, path))

    async def made(self, name: str, data: bytes, version: str) -> Encoded:
        """Bytes made from the tree (app.zip, the snapshot), encoded again when `version` changes."""
        return await self._slot(name).get(version, partial(encode, name, data, data))

    def _slot(self, name: str) -> Latest[Encoded]:
        return self._latest.setdefault(name, Latest(self._threads))
