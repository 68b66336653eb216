"""The `Events` port: the page's events, turned into actions by delegated listeners, so re-rendered
HTML needs no wiring."""

from collections.abc import Callable, Mapping
from typing import Protocol

import js
from pyodide.ffi import create_proxy
from pyscript import document, window
from pyscript.ffi import is_none

from app.ui.browser.dom import Element, Event, data_of, listen, options
from app.ui.core.ports import Act, ActionFor

FIELD_TAGS = {"FORM", "INPUT", "SELECT", "TEXTAREA"}
"""Elements whose actions come from their change or submit, not from a click."""


class DataTransfer(Protocol):
    effectAllowed: str

    def setData(self, kind: str, value: str) -> None: ...
    def getData(self, kind: str) -> str: ...


class DragEvent(Event, Protocol):
    dataTransfer: DataTransfer


class KeyEvent(Event, Protocol):
    key: str
    ctrlKey: bool
    altKey: bool
    metaKey: bool
    repeat: bool


class BrowserEvents:
    def on_actions(self, act: Act) -> None:
        """A click on `[data-action]` acts with the element's data attributes (and closes the
        `details.menu` it is picked from), a change of `input[data-action]` with its value, a
        submit of `form[data-action]` with the form's fields, and a drop of a row's `[data-drag]`
        handle on another row of a `[data-drop-action]` list with the list's data attributes,
        `from` and `to`."""

        def clicked(event: Event) -> None:
            target = event.target.closest("[data-action]")
            if is_none(target) or target.tagName in FIELD_TAGS:
                return
            event.preventDefault()
            menu = target.closest("details.menu")
            if not is_none(menu):  # a pick closes its menu, focus back on the menu's button
                menu.open = False
                menu.querySelector("summary").focus()
            act(target.dataset.action, data_of(target))

        def changed(event: Event) -> None:
            control = event.target
            if control.tagName == "INPUT" and not is_none(control.getAttribute("data-action")):
                act(control.dataset.action, {"value": str(control.value)})

        def submitted(event: Event) -> None:
            form = event.target
            if is_none(form.getAttribute("data-action")):
                return
            event.preventDefault()
            fields = js.Array.from_(js.FormData.new(form).entries()).to_py()
            act(form.dataset.action, {key: value for key, value in fields if isinstance(value, str)})

        def drag_started(event: DragEvent) -> None:
            handle = event.target.closest("[data-drag]")
            if not is_none(handle):
                event.dataTransfer.effectAllowed = "move"
                event.dataTransfer.setData("text/plain", handle.dataset.drag)

        def dragged_over(event: DragEvent) -> None:
            if not is_none(event.target.closest("[data-drop-action] li")):
                event.preventDefault()  # allows the drop

        def dropped(event: DragEvent) -> None:
            row = event.target.closest("[data-drop-action] li")
            start = event.dataTransfer.getData("text/plain")
            if is_none(row) or not start:
                return
            event.preventDefault()
            zone = row.closest("[data-drop-action]")
            end = row.querySelector("[data-drag]").dataset.drag
            act(zone.dataset.dropAction, {**data_of(zone), "from": start, "to": end})

        listen(
            document,
            {
                "click": clicked,
                "change": changed,
                "submit": submitted,
                "dragstart": drag_started,
                "dragover": dragged_over,
                "drop": dropped,
            },
        )

    def on_live_inputs(self, act: Act) -> None:
        """An `input[data-input-action]` acts at every step of a drag or keystroke, not only once
        let go, with its data attributes and its `value`."""

        def moved(event: Event) -> None:
            control = event.target
            if control.tagName == "INPUT" and not is_none(control.getAttribute("data-input-action")):
                act(control.dataset.inputAction, {**data_of(control), "value": str(control.value)})

        listen(document, {"input": moved})

    def on_keys(self, action_for: ActionFor, act: Act) -> None:
        """Keyboard shortcuts: `action_for` names the action a key press runs, or None for the
        browser's."""

        def pressed(event: KeyEvent) -> None:
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

        listen(document, {"keydown": pressed})

    def on_list_window(self, show_window: Callable[[str], None]) -> None:
        """Scrolling, resizing and each new screen redraw the rows near the screen of each long
        list (`[data-long-list]`), at most once a frame, just before it is painted; the listeners
        are passive, so scrolling never waits for Python."""
        scheduled = False

        def draw(timestamp: float) -> None:
            nonlocal scheduled
            scheduled = False
            rows: Element
            for rows in document.querySelectorAll("[data-long-list]"):
                show_window(str(rows.dataset.longList))

        drawing = create_proxy(draw)

        def schedule(*_: object) -> None:
            nonlocal scheduled
            if not scheduled:
                scheduled = True
                window.requestAnimationFrame(drawing)

        scheduling = create_proxy(schedule)
        passive = options(passive=True)
        window.addEventListener("scroll", scheduling, passive)
        window.addEventListener("resize", scheduling, passive)
        js.MutationObserver.new(scheduling).observe(document.getElementById("main"), options(childList=True))
        schedule()  # the screen already drawn

    def on_missing_images(self) -> None:
        """An `img[data-fallback]` that fails to load hides, and what it covered shows: Openwhyd
        answers a picture that is not there with a 404."""

        def failed(event: Event) -> None:
            image = event.target
            if getattr(image, "tagName", "") == "IMG" and image.hasAttribute("data-fallback"):
                image.hidden = True

        listen(document, {"error": failed}, options(capture=True))  # load errors do not bubble

    def on_window_calls(self, calls: Mapping[str, str], act: Act) -> None:
        for name, action in calls.items():
            setattr(window, name, create_proxy(lambda *_, action=action: act(action, {})))
