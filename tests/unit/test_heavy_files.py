"""heavy's files store: objects by key in a folder, written whole or not at all, read in pieces,
deleted one by one or by prefix; and target archives answered from it, from disk or streamed."""

import asyncio
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.responses import Response
from starlette.types import Message

from server.heavy import archive_responses
from server.heavy.files import CHUNK, Files, LocalFiles, OnDisk, save


class MemoryFiles:
    """A store with no files on this machine, as an object store would be."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.whole_reads = 0

    def put(self, key: str, data: bytes) -> None:
        self.objects[key] = data

    def put_file(self, key: str, source: Path) -> None:
        self.objects[key] = source.read_bytes()

    def get(self, key: str) -> bytes:
        self.whole_reads += 1
        if key not in self.objects:
            raise FileNotFoundError(key)
        return self.objects[key]

    def chunks(self, key: str) -> Iterator[bytes]:
        if key not in self.objects:
            raise FileNotFoundError(key)
        data = self.objects[key]
        return iter([data[i : i + 5] for i in range(0, len(data), 5)])

    def exists(self, key: str) -> bool:
        return key in self.objects

    def delete(self, key: str) -> None:
        self.objects.pop(key, None)

    def delete_tree(self, prefix: str) -> None:
        for key in [k for k in self.objects if k.startswith(f"{prefix}/")]:
            del self.objects[key]


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> LocalFiles:
    return LocalFiles(tmp_path / "files")


def test_put_file_stores_a_file_that_reads_back_in_pieces(files: LocalFiles, tmp_path: Path) -> None:
    source = tmp_path / "big"
    data = bytes(range(256)) * (CHUNK // 128 + 3)
    source.write_bytes(data)
    files.put_file("jobs/1/tree.zip", source)
    pieces = list(files.chunks("jobs/1/tree.zip"))
    assert b"".join(pieces) == data and len(pieces) == 3
    assert files.get("jobs/1/tree.zip") == data
    save(files, "jobs/1/tree.zip", tmp_path / "copy")
    assert (tmp_path / "copy").read_bytes() == data


def test_a_missing_key_raises_when_asked_not_when_read(files: LocalFiles, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        files.chunks("jobs/9/tree.zip")
    with pytest.raises(FileNotFoundError):
        save(files, "jobs/9/tree.zip", tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


def test_a_write_that_fails_leaves_nothing_behind(
    files: LocalFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files.put("jobs/1/tree.zip", b"before")
    with pytest.raises(FileNotFoundError):
        files.put_file("jobs/1/tree.zip", tmp_path / "absent")
    source = tmp_path / "source"
    source.write_bytes(b"after")

    def disk_gone(source: object, out: io.BufferedWriter, length: int) -> None:
        out.write(b"aft")
        raise OSError("the disk went away")

    monkeypatch.setattr("server.heavy.files.shutil.copyfileobj", disk_gone)
    with pytest.raises(OSError, match="went away"):
        files.put_file("jobs/1/tree.zip", source)
    assert files.get("jobs/1/tree.zip") == b"before"
    assert sorted(p.name for p in (files.root / "jobs" / "1").iterdir()) == ["tree.zip"]


def test_delete_tree_takes_every_key_under_its_prefix_and_no_other(files: LocalFiles) -> None:
    for key in ("jobs/5/tree.zip", "jobs/5/targets/c-src.zip", "jobs/50/tree.zip", "uploads/ab"):
        files.put(key, key.encode())
    files.delete_tree("jobs/5")
    files.delete_tree("jobs/7")
    assert [files.exists(k) for k in ("jobs/5/tree.zip", "jobs/5/targets/c-src.zip")] == [False, False]
    assert files.get("jobs/50/tree.zip") == b"jobs/50/tree.zip" and files.exists("uploads/ab")


@pytest.mark.parametrize("key", ["../secret", "jobs/../../x", "/etc/passwd", "Jobs/1", "jobs//1", ""])
def test_keys_that_could_leave_the_folder_are_refused(files: LocalFiles, key: str) -> None:
    for call in (files.exists, files.delete, files.delete_tree, files.chunks, files.path):
        with pytest.raises(ValueError, match="not a file key"):
            call(key)


def test_only_the_folder_store_is_on_disk(files: LocalFiles) -> None:
    memory: Files = MemoryFiles()
    assert isinstance(files, OnDisk) and not isinstance(memory, OnDisk)


def sent(response: Response) -> tuple[dict[str, str], bytes]:
    """The headers and body `response` sends to a GET, as a server would send them."""
    messages: list[Message] = []

    async def receive() -> Message:
        await asyncio.Event().wait()
        raise AssertionError("the client never leaves")

    async def send(message: Message) -> None:
        messages.append(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    asyncio.run(response(scope, receive, send))
    headers = {k.decode(): v.decode() for k, v in messages[0]["headers"]}
    return headers, b"".join(m.get("body", b"") for m in messages[1:])


@pytest.mark.parametrize("kind", ["folder", "memory"])
def test_an_archive_downloads_whole_from_either_store(tmp_path: Path, kind: str) -> None:
    files: Files = LocalFiles(tmp_path) if kind == "folder" else MemoryFiles()
    archive = zipped({"Heavy_sine.h": b"#pragma once\n" * 100})
    files.put("jobs/1/targets/c-src.zip", archive)
    headers, body = sent(archive_responses.download(files, "jobs/1/targets/c-src.zip", "sine.1.c-src.zip"))
    assert body == archive
    assert headers["content-type"] == "application/zip"
    assert headers["content-disposition"] == 'attachment; filename="sine.1.c-src.zip"'
    if isinstance(files, MemoryFiles):
        assert files.whole_reads == 0, "streamed from the store, not read whole"


@pytest.mark.parametrize("kind", ["folder", "memory"])
def test_a_missing_archive_is_not_found(tmp_path: Path, kind: str) -> None:
    files: Files = LocalFiles(tmp_path) if kind == "folder" else MemoryFiles()
    with pytest.raises(FileNotFoundError):
        archive_responses.download(files, "jobs/1/targets/c-src.zip", "x.zip")


@pytest.mark.parametrize("kind", ["folder", "memory"])
def test_one_file_of_an_archive_is_read_from_either_store(tmp_path: Path, kind: str) -> None:
    files: Files = LocalFiles(tmp_path) if kind == "folder" else MemoryFiles()
    files.put("jobs/1/targets/web-local.zip", zipped({"index.html": b"<p>hi</p>"}))
    assert archive_responses.member(files, "jobs/1/targets/web-local.zip", "index.html") == b"<p>hi</p>"
    assert archive_responses.member(files, "jobs/1/targets/web-local.zip", "secret.txt") is None
