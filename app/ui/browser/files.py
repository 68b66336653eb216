"""The `Files` port: files picked in a file input or dropped on a drop zone, folders walked."""

from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeGuard, cast

import js
from pyodide.ffi import create_once_callable
from pyscript import document
from pyscript.ffi import is_none

from app.ui.browser.dom import Element, Event, listen
from app.ui.core.ports import Act


class File(Protocol):
    name: str
    size: int
    webkitRelativePath: str

    async def arrayBuffer(self) -> "Buffer": ...


class Buffer(Protocol):
    def to_bytes(self) -> bytes: ...


class Entry(Protocol):
    """A dropped FileSystemEntry: a file, or a folder to read the entries of."""

    isFile: bool
    fullPath: str
    name: str

    def file(self, success: object, failure: object) -> None: ...
    def createReader(self) -> "EntryReader": ...


class EntryReader(Protocol):
    def readEntries(self, success: object, failure: object) -> None: ...


class TransferItem(Protocol):
    kind: str

    def getAsFile(self) -> File: ...


class DataTransfer(Protocol):
    types: list[str]
    items: list[TransferItem]
    dropEffect: str


class DragEvent(Event, Protocol):
    dataTransfer: DataTransfer


Dropped = Entry | File


class BrowserFiles:
    def __init__(self) -> None:
        self._dropped: list[Dropped] = []
        """What the last drop on a drop zone held: entries, or Files where the browser gives no
        entry. Entries must be taken while the drop event runs; they are read afterwards."""

    async def picked(self, input_id: str, limit: int) -> dict[str, bytes] | None:
        """A folder pick gives paths inside the folder."""
        files: list[File] = list(document.getElementById(input_id).files)
        return await _read_all([(file.webkitRelativePath or file.name, file) for file in files], limit)

    async def dropped(self, limit: int) -> dict[str, bytes] | None:
        """The files of the last drop, folders walked (paths start with the folder's name, as a
        folder pick gives them)."""
        found: list[tuple[str, File]] = []
        for dropped in self._dropped:
            await _walk(dropped, found)
        return await _read_all(found, limit)

    def on_drops(self, act: Act) -> None:
        """Files or folders dropped on a `[data-file-drop]` zone: the zone's action runs, with no
        data, and `dropped` reads them. While files are dragged over a zone, it has `data-dragging`."""

        def zone_of(event: DragEvent) -> Element | None:
            zone = event.target.closest("[data-file-drop]")
            carries_files = not is_none(event.dataTransfer) and "Files" in list(event.dataTransfer.types)
            return None if is_none(zone) or not carries_files else zone

        def over(event: DragEvent) -> None:
            zone = zone_of(event)
            if zone is not None:
                event.preventDefault()  # allows the drop
                event.dataTransfer.dropEffect = "copy"
                zone.setAttribute("data-dragging", "")

        def left(event: DragEvent) -> None:
            zone = zone_of(event)
            if zone is not None and not zone.contains(event.relatedTarget):
                zone.removeAttribute("data-dragging")

        def dropped(event: DragEvent) -> None:
            zone = zone_of(event)
            if zone is None:
                return
            event.preventDefault()
            zone.removeAttribute("data-dragging")
            items = [item for item in js.Array.from_(event.dataTransfer.items) if item.kind == "file"]
            self._dropped[:] = [_entry(item) or item.getAsFile() for item in items]
            act(zone.dataset.fileDrop, {})

        listen(document, {"dragenter": over, "dragover": over, "dragleave": left, "drop": dropped})


def _entry(item: TransferItem) -> Entry | None:
    """The dropped item's FileSystemEntry, which can be walked if it is a folder; None without one."""
    get_entry = getattr(item, "webkitGetAsEntry", None)
    entry = None if get_entry is None else get_entry()
    return None if is_none(entry) else entry


async def _read_all(files: list[tuple[str, File]], limit: int) -> dict[str, bytes] | None:
    """`files` (path, File) read by path; None, with nothing read, when they add up to over `limit` bytes."""
    if sum(int(file.size) for _, file in files) > limit:
        return None
    return {path: (await file.arrayBuffer()).to_bytes() for path, file in files}


def _is_entry(dropped: Dropped) -> TypeGuard[Entry]:
    return getattr(dropped, "fullPath", None) is not None


async def _walk(dropped: Dropped, found: list[tuple[str, File]]) -> None:
    if not _is_entry(dropped):  # a File: no entry to walk
        found.append((str(dropped.name), cast(File, dropped)))
    elif dropped.isFile:
        found.append((str(dropped.fullPath).lstrip("/"), await _called_back(dropped.file)))
    else:
        reader = dropped.createReader()
        while batch := list(await _called_back(reader.readEntries)):  # a few at a time, until none
            for entry in batch:
                await _walk(entry, found)


def _called_back(method: Callable[[object, object], None]) -> Awaitable[Any]:
    """A promise of what `method(success, failure)`, an API of callbacks, hands to `success`."""
    return js.Promise.new(create_once_callable(lambda resolve, reject: method(resolve, reject)))
