"""The DOM edge: the only module that touches `document` and `window` (Pyodide only)."""

import sys
from collections.abc import Callable

import js
from pyodide.ffi import create_proxy
from pyscript import document, window
from pyscript.ffi import is_none


class BrowserPage:
    def set_html(self, region: str, markup: str) -> None:
        document.getElementById(region).innerHTML = markup

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
    window.addEventListener("hashchange", create_proxy(lambda event: callback(location_hash())))


def on_actions(act: Callable[[str, dict[str, str]], object]) -> None:
    """Delegated listeners, so re-rendered HTML needs no wiring: a click on `[data-action]` acts
    with the element's data attributes, a change of `input[data-action]` with its value, a submit
    of `form[data-action]` with the form's fields."""

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

    document.addEventListener("click", create_proxy(clicked))
    document.addEventListener("change", create_proxy(changed))
    document.addEventListener("submit", create_proxy(submitted))


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
