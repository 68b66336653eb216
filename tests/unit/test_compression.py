"""`build.py build`'s compressed copies: beside every file they make smaller, and only there."""

import gzip
import os
from pathlib import Path

import brotli
import pytest

from buildkit import compression
from buildkit.compression import FAST, precompress


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(compression, "CACHE", folder)
    return folder


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "static" / "js").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html>" + "<p>Tonearm plays music.</p>\n" * 80)
    (root / "static" / "js" / "app.mjs").write_text("export const x = () => 'tonearm';\n" * 200)
    (root / "static" / "tiny.css").write_text("p { margin: 0 }\n")
    (root / "static" / "noise.bin").write_bytes(os.urandom(8192))
    return root


def test_copies_are_written_beside_each_file_they_make_smaller(site: Path, cache: Path) -> None:
    skipped = precompress(site, FAST)
    for name in ("index.html", "static/js/app.mjs"):
        original = (site / name).read_bytes()
        packed_br, packed_gz = (site / f"{name}.br").read_bytes(), (site / f"{name}.gz").read_bytes()
        assert brotli.decompress(packed_br) == original
        assert gzip.decompress(packed_gz) == original
        assert len(packed_br) < len(original) / 4 and len(packed_gz) < len(original) / 4
    assert not list(site.rglob("tiny.css.*")), "a file under 1 KB is sent as it is"
    assert not list(site.rglob("noise.bin.*")), "random bytes do not compress"
    assert skipped == [site / "static" / "noise.bin"]


def test_a_second_build_takes_the_copies_from_the_cache(
    site: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    precompress(site, FAST)
    made: list[str] = []
    real = compression.Effort.compress

    def counted(effort: compression.Effort, coding: str, data: bytes) -> bytes:
        made.append(coding)
        return real(effort, coding, data)

    monkeypatch.setattr(compression.Effort, "compress", counted)
    for copy in [*site.rglob("*.br"), *site.rglob("*.gz")]:
        copy.unlink()
    precompress(site, FAST)
    assert made == []
    assert brotli.decompress((site / "index.html.br").read_bytes()) == (site / "index.html").read_bytes()
