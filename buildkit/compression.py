"""Brotli and gzip copies of the files the browser fetches, kept only where they pay.

Whether a file is worth compressing is measured, not guessed from its name: zips, images and the
like come out barely smaller and are sent as they are. `build.py build` compresses at each
format's best (brotli 11 takes about 45 s for the 31 MB startup snapshot), once per content: the
copies are cached under `.cache/compressed/` by the hash of what they compress. `serve` from the
tree compresses on the first request after an edit, so it takes the fast settings.
"""

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import brotli

from buildkit.paths import ROOT
from server.content_coding import CODINGS

MIN_SIZE = 1024
"""Smaller files fit in a packet or two as they are."""
WORTH = 0.95
"""A copy is kept when it is at most this share of the original's size."""
CACHE = ROOT / ".cache" / "compressed"


@dataclass(frozen=True)
class Effort:
    brotli: int
    gzip: int

    def compress(self, coding: str, data: bytes) -> bytes:
        if coding == "br":
            return brotli.compress(data, quality=self.brotli)
        return gzip.compress(data, compresslevel=self.gzip, mtime=0)

    def tag(self, coding: str) -> str:
        return f"{coding}{self.brotli if coding == 'br' else self.gzip}"


BEST = Effort(brotli=11, gzip=9)
FAST = Effort(brotli=6, gzip=6)
"""About 0.3 s for the runtime's 9.6 MB wasm, 1 s for the 31 MB snapshot, on the build machine."""


def compressed(data: bytes, effort: Effort = FAST) -> dict[str, bytes]:
    """`data` in each coding of CODINGS whose copy pays, made now."""
    return _worth(data, lambda coding: effort.compress(coding, data))


def compressed_cached(data: bytes, effort: Effort = BEST) -> dict[str, bytes]:
    """As `compressed`, taken from the cache when this content was compressed so before."""
    digest = hashlib.sha256(data).hexdigest()

    def make(coding: str) -> bytes:
        cached = CACHE / f"{digest}.{effort.tag(coding)}"
        if cached.is_file():
            return cached.read_bytes()
        packed = effort.compress(coding, data)
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(cached.name + ".tmp")
        partial.write_bytes(packed)
        partial.replace(cached)
        return packed

    return _worth(data, make)


def precompress(folder: Path, effort: Effort = BEST) -> list[Path]:
    """Writes the copies that pay beside each file of `folder` (`x.js.br`, `x.js.gz`), as nginx
    and Caddy look for them; returns the files of at least MIN_SIZE left without one."""
    suffixes = tuple(CODINGS.values())
    skipped = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.endswith(suffixes) or path.stat().st_size < MIN_SIZE:
            continue
        copies = compressed_cached(path.read_bytes(), effort)
        for coding, packed in copies.items():
            path.with_name(path.name + CODINGS[coding]).write_bytes(packed)
        if not copies:
            skipped.append(path)
    return skipped


def _worth(data: bytes, make: Callable[[str], bytes]) -> dict[str, bytes]:
    if len(data) < MIN_SIZE:
        return {}
    copies = {coding: make(coding) for coding in CODINGS}
    return {coding: packed for coding, packed in copies.items() if len(packed) <= WORTH * len(data)}
