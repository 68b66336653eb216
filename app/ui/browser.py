"""The DOM edge: the only module that touches `document` and `window` (Pyodide only)."""

import sys
from collections.abc import Callable

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js
from pyscript import document, window
from pyscript.ffi import is_none

from app.ui.components.virtual_list import Geometry, Window


def row_index(row: object) -> int:
    """A long list's row knows its place in the whole list (`aria-posinset`, from 1)."""
    return int(row.getAttribute("aria-posinset")) - 1


def trim(rows: object, edge: str, outside: Callable[[int], bool]) -> None:
    """Take the rows `outside` the window off one edge of a long list, with the white space
    between rows that came with them."""
    while not is_none(node := getattr(rows, edge)) and (node.nodeType != 1 or outside(row_index(node))):
        node.remove()


class BrowserPage:
    def set_html(self, region: str, markup: str) -> None:
        """A new screen in `main` ends the loading state `on_hash_change` started."""
        element = document.getElementById(region)
        element.innerHTML = markup
        if region == "main":
            element.removeAttribute("aria-busy")

    def set_title(self, title: str) -> None:
        document.title = title

    def focus(self, region: str) -> None:
        document.getElementById(region).focus()

    def go(self, location_hash: str) -> None:
        window.location.hash = location_hash

    def set_text(self, element_id: str, text: str) -> None:
        element = document.getElementById(element_id)
        if not is_none(element):
            element.textContent = text

    def set_value(self, element_id: str, value: str) -> None:
        """Except on a control the user is dragging right now."""
        element = document.getElementById(element_id)
        if not is_none(element) and not element.matches(":active"):
            element.value = value

    def highlight(self, track_id: str) -> None:
        for row in document.querySelectorAll("[data-track-id]"):
            if row.dataset.trackId == track_id:
                row.setAttribute("aria-current", "true")
            else:
                row.removeAttribute("aria-current")

    def list_geometry(self, element_id: str) -> Geometry | None:
        """Where a long list's rows are on screen (see `long_list.Geometry`): the spacer above the
        rows is the list's top padding, so its top is where its first row would be."""
        rows = document.getElementById(element_id)
        if is_none(rows) or rows.childElementCount == 0:
            return None
        first, last = rows.firstElementChild, rows.lastElementChild
        second = first.nextElementSibling
        pitch = first.offsetHeight if is_none(second) else second.offsetTop - first.offsetTop
        shown = (row_index(first), row_index(last) + 1)
        return Geometry(rows.getBoundingClientRect().top, window.innerHeight, pitch, shown)

    def patch_list(self, element_id: str, wanted: Window, above: str, below: str) -> None:
        """Take out the rows outside `wanted`, add `above` and `below`, size the spacers: the rows
        that stay are left alone, with their focus."""
        rows = document.getElementById(element_id)
        if is_none(rows):
            return
        trim(rows, "firstChild", lambda index: index < wanted.start)
        trim(rows, "lastChild", lambda index: index >= wanted.end)
        if above:
            rows.insertAdjacentHTML("afterbegin", above)
        if below:
            rows.insertAdjacentHTML("beforeend", below)
        rows.style.paddingTop = f"{wanted.before}px"
        rows.style.paddingBottom = f"{wanted.after}px"

    def set_list_status(self, element_id: str, markup: str) -> None:
        status = document.getElementById(element_id)
        if not is_none(status):
            status.innerHTML = markup

    def open_dialog(self, dialog_id: str) -> None:
        dialog = document.getElementById(dialog_id)
        if not dialog.open:
            dialog.showModal()

    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None:
        """The Media Session: what OS media controls and lock screens show (where browsers have it)."""
        session = getattr(window.navigator, "mediaSession", None)
        if session is None:
            return
        if metadata is None:
            session.metadata = None
        else:
            artwork = [{"src": metadata["artwork"]}] if "artwork" in metadata else []
            fields = {**metadata, "artwork": artwork}
            session.metadata = js.MediaMetadata.new(to_js(fields, dict_converter=js.Object.fromEntries))
        session.playbackState = "playing" if playing else ("paused" if metadata else "none")

    def log_error(self, text: str) -> None:
        window.console.error(text)


FIELD_TAGS = {"FORM", "INPUT", "SELECT", "TEXTAREA"}
"""Elements whose actions come from their change or submit, not from a click."""


def location_hash() -> str:
    return window.location.hash


def runtime() -> dict[str, str]:
    import pyodide

    return {"Python": sys.version.split()[0], "Pyodide": pyodide.__version__}


def on_hash_change(callback: Callable[[str], object]) -> None:
    """`main` shows as loading (`aria-busy`) until the new screen replaces it."""

    def changed(event: object) -> None:
        document.getElementById("main").setAttribute("aria-busy", "true")
        callback(location_hash())

    window.addEventListener("hashchange", create_proxy(changed))


def on_actions(act: Callable[[str, dict[str, str]], object]) -> None:
    """Delegated listeners, so re-rendered HTML needs no wiring: a click on `[data-action]` acts
    with the element's data attributes, a change of `input[data-action]` with its value, a submit
    of `form[data-action]` with the form's fields, and a drop of a row's `[data-drag]` handle on
    another row of a `[data-drop-action]` list with the list's data attributes, `from` and `to`."""

    def clicked(event: object) -> None:
        target = event.target.closest("[data-action]")
        if is_none(target) or target.tagName in FIELD_TAGS:
            return
        event.preventDefault()
        act(target.dataset.action, dict(js.Object.entries(target.dataset).to_py()))

    def changed(event: object) -> None:
        control = event.target
        if control.tagName == "INPUT" and not is_none(control.getAttribute("data-action")):
            act(control.dataset.action, {"value": str(control.value)})

    def submitted(event: object) -> None:
        form = event.target
        if is_none(form.getAttribute("data-action")):
            return
        event.preventDefault()
        fields = js.Array.from_(js.FormData.new(form).entries()).to_py()
        act(form.dataset.action, {key: value for key, value in fields if isinstance(value, str)})

    def drag_started(event: object) -> None:
        handle = event.target.closest("[data-drag]")
        if not is_none(handle):
            event.dataTransfer.effectAllowed = "move"
            event.dataTransfer.setData("text/plain", handle.dataset.drag)

    def dragged_over(event: object) -> None:
        if not is_none(event.target.closest("[data-drop-action] li")):
            event.preventDefault()  # allows the drop

    def dropped(event: object) -> None:
        row = event.target.closest("[data-drop-action] li")
        start = event.dataTransfer.getData("text/plain")
        if is_none(row) or not start:
            return
        event.preventDefault()
        zone = row.closest("[data-drop-action]")
        end = row.querySelector("[data-drag]").dataset.drag
        data = dict(js.Object.entries(zone.dataset).to_py())
        act(zone.dataset.dropAction, {**data, "from": start, "to": end})

    document.addEventListener("click", create_proxy(clicked))
    document.addEventListener("change", create_proxy(changed))
    document.addEventListener("submit", create_proxy(submitted))
    document.addEventListener("dragstart", create_proxy(drag_started))
    document.addEventListener("dragover", create_proxy(dragged_over))
    document.addEventListener("drop", create_proxy(dropped))


def on_list_window(show_window: Callable[[str], None]) -> None:
    """Scrolling, resizing and each new screen redraw the rows near the screen of each long list
    (`[data-long-list]`), at most once a frame, just before it is painted; the listeners are
    passive, so scrolling never waits for Python."""
    scheduled = False

    def draw(timestamp: float) -> None:
        nonlocal scheduled
        scheduled = False
        for rows in document.querySelectorAll("[data-long-list]"):
            show_window(str(rows.dataset.longList))

    drawing = create_proxy(draw)

    def schedule(*_: object) -> None:
        nonlocal scheduled
        if not scheduled:
            scheduled = True
            window.requestAnimationFrame(drawing)

    scheduling = create_proxy(schedule)
    passive = to_js({"passive": True}, dict_converter=js.Object.fromEntries)
    window.addEventListener("scroll", scheduling, passive)
    window.addEventListener("resize", scheduling, passive)
    screens = to_js({"childList": True}, dict_converter=js.Object.fromEntries)
    js.MutationObserver.new(scheduling).observe(document.getElementById("main"), screens)
    schedule()  # the screen already drawn


def on_missing_images() -> None:
    """An `img[data-fallback]` that fails to load hides, and what it covered shows: Openwhyd answers a
    picture that is not there with a 404."""

    def failed(event: object) -> None:
        image = event.target
        if getattr(image, "tagName", "") == "IMG" and image.hasAttribute("data-fallback"):
            image.hidden = True

    capture = to_js({"capture": True}, dict_converter=js.Object.fromEntries)
    document.addEventListener("error", create_proxy(failed), capture)  # load errors do not bubble


def on_keys(action_for: Callable[..., str | None], act: Callable[[str, dict[str, str]], object]) -> None:
    """Keyboard shortcuts: `action_for` names the action a key press runs, or None for the browser's."""

    def pressed(event: object) -> None:
        target = event.target
        name = action_for(
            str(event.key),
            str(target.tagName or ""),
            ctrl=bool(event.ctrlKey),
            alt=bool(event.altKey),
            meta=bool(event.metaKey),
            editable=bool(target.isContentEditable),
            held=bool(event.repeat),
        )
        if name:
            event.preventDefault()
            act(name, {})

    document.addEventListener("keydown", create_proxy(pressed))


def on_media_keys(keys: dict[str, str], act: Callable[[str, dict[str, str]], object]) -> None:
    """The OS media keys run the player actions `keys` names, where browsers have a Media Session."""
    session = getattr(window.navigator, "mediaSession", None)
    if session is None:
        return
    for key, action in keys.items():
        session.setActionHandler(key, create_proxy(lambda details, action=action: act(action, {})))


def set_timer(seconds: float, callback: Callable[[], None]) -> Callable[[], None]:
    """Call `callback` in `seconds`; returns what cancels it."""
    done = False

    def fire() -> None:
        nonlocal done
        done = True
        proxy.destroy()
        callback()

    def cancel() -> None:
        nonlocal done
        if not done:
            done = True
            window.clearTimeout(handle)
            proxy.destroy()

    proxy = create_proxy(fire)
    handle = window.setTimeout(proxy, seconds * 1000)
    return cancel


def mark(state: str) -> None:
    """`data-ready` on <html>: "true" once the first screen is interactive, "failed" if boot failed."""
    document.getElementById("app").removeAttribute("aria-busy")
    document.documentElement.dataset.ready = state


def show_boot_failure(message: str) -> None:
    root = document.getElementById("app")
    root.innerHTML = ""
    panel = document.createElement("section")
    panel.className = "panel boot-failure"
    panel.setAttribute("role", "alert")
    heading = document.createElement("h1")
    heading.textContent = "Tonearm could not start"
    detail = document.createElement("p")
    detail.textContent = message
    panel.append(heading, detail)
    root.append(panel)


def stored(key: str) -> str:
    """What localStorage keeps under `key` ("" for nothing); synchronous, so boot can afford it."""
    try:
        value = window.localStorage.getItem(key)
    except JsException:  # storage blocked by the user's settings: nothing is remembered
        return ""
    return "" if is_none(value) else str(value)


def store(key: str, value: str) -> None:
    """Keep `value` under `key` in localStorage; "" forgets it."""
    try:
        if value:
            window.localStorage.setItem(key, value)
        else:
            window.localStorage.removeItem(key)
    except JsException:  # storage blocked: the value lasts as long as the page
        pass


async def read_files(input_id: str, limit: int) -> dict[str, bytes] | None:
    """The files chosen in a file input, by path (a folder pick gives paths inside the folder);
    None, with nothing read, when together they are larger than `limit` bytes."""
    files = list(document.getElementById(input_id).files)
    return await _read_all([(file.webkitRelativePath or file.name, file) for file in files], limit)


async def _read_all(files: list[tuple[str, object]], limit: int) -> dict[str, bytes] | None:
    """`files` (path, File) read by path; None, with nothing read, when they add up to over `limit` bytes."""
    if sum(int(file.size) for _, file in files) > limit:
        return None
    return {path: (await file.arrayBuffer()).to_bytes() for path, file in files}


def on_live_inputs(act: Callable[[str, dict[str, str]], object]) -> None:
    """An `input[data-input-action]` acts at every step of a drag or keystroke, not only once let
    go, with its data attributes and its `value`."""

    def moved(event: object) -> None:
        control = event.target
        if control.tagName == "INPUT" and not is_none(control.getAttribute("data-input-action")):
            data = dict(js.Object.entries(control.dataset).to_py())
            act(control.dataset.inputAction, {**data, "value": str(control.value)})

    document.addEventListener("input", create_proxy(moved))


_dropped: list[object] = []
"""What the last drop on a file drop zone held: FileSystemEntry objects, or Files where the browser
gives no entry. Entries must be taken while the drop event runs; they are read afterwards."""


def on_file_drops(act: Callable[[str, dict[str, str]], object]) -> None:
    """Files or folders dropped on a `[data-file-drop]` zone: the zone's action runs, with no data,
    and `read_dropped` reads them. While files are dragged over a zone, it has `data-dragging`."""

    def zone_of(event: object) -> object | None:
        zone = event.target.closest("[data-file-drop]")
        carries_files = not is_none(event.dataTransfer) and "Files" in list(event.dataTransfer.types)
        return None if is_none(zone) or not carries_files else zone

    def over(event: object) -> None:
        zone = zone_of(event)
        if zone is not None:
            event.preventDefault()  # allows the drop
            event.dataTransfer.dropEffect = "copy"
            zone.setAttribute("data-dragging", "")

    def left(event: object) -> None:
        zone = zone_of(event)
        if zone is not None and not zone.contains(event.relatedTarget):
            zone.removeAttribute("data-dragging")

    def dropped(event: object) -> None:
        zone = zone_of(event)
        if zone is None:
            return
        event.preventDefault()
        zone.removeAttribute("data-dragging")
        items = [item for item in js.Array.from_(event.dataTransfer.items) if item.kind == "file"]
        _dropped[:] = [_entry(item) or item.getAsFile() for item in items]
        act(zone.dataset.fileDrop, {})

    for name, handler in (("dragenter", over), ("dragover", over), ("dragleave", left), ("drop", dropped)):
        document.addEventListener(name, create_proxy(handler))


def _entry(item: object) -> object | None:
    """The dropped item's FileSystemEntry, which can be walked if it is a folder; None without one."""
    get_entry = getattr(item, "webkitGetAsEntry", None)
    entry = None if get_entry is None else get_entry()
    return None if is_none(entry) else entry


async def read_dropped(limit: int) -> dict[str, bytes] | None:
    """The files of the last drop by path, folders walked (paths start with the folder's name, as a
    folder pick gives them); None, with nothing read, when they add up to over `limit` bytes."""
    found: list[tuple[str, object]] = []
    for dropped in _dropped:
        await _walk(dropped, found)
    return await _read_all(found, limit)


async def _walk(dropped: object, found: list[tuple[str, object]]) -> None:
    if getattr(dropped, "fullPath", None) is None:  # a File: no entry to walk
        found.append((str(dropped.name), dropped))
    elif dropped.isFile:
        found.append((str(dropped.fullPath).lstrip("/"), await _called_back(dropped.file)))
    else:
        reader = dropped.createReader()
        while batch := list(await _called_back(reader.readEntries)):  # a few at a time, until none
            for entry in batch:
                await _walk(entry, found)


def _called_back(method: Callable[[object, object], None]) -> object:
    """A promise of what `method(success, failure)`, an API of callbacks, hands to `success`."""
    return js.Promise.new(create_once_callable(lambda resolve, reject: method(resolve, reject)))


def save_file(name: str, content: bytes, mime: str) -> None:
    """Hand `content` to the browser as a download called `name`."""
    blob = js.Blob.new(to_js([content]), to_js({"type": mime}, dict_converter=js.Object.fromEntries))
    url = js.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.href = url
    link.download = name
    link.click()
    set_timer(60, lambda: js.URL.revokeObjectURL(url))
