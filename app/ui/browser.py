"""The DOM edge: the only module that touches `document` and `window` (Pyodide only)."""

import sys
from collections.abc import Callable

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

    def log_error(self, text: str) -> None:
        window.console.error(text)


def location_hash() -> str:
    return window.location.hash


def runtime() -> dict[str, str]:
    import pyodide

    return {"Python": sys.version.split()[0], "Pyodide": pyodide.__version__}


def on_hash_change(callback: Callable[[str], object]) -> None:
    window.addEventListener("hashchange", create_proxy(lambda event: callback(location_hash())))


def on_actions(handlers: dict[str, Callable[[object], object]]) -> None:
    """One delegated listener for every `[data-action]` click, so re-rendered HTML needs no wiring."""

    def dispatch(event: object) -> None:
        target = event.target.closest("[data-action]")
        if not is_none(target) and target.dataset.action in handlers:
            event.preventDefault()
            handlers[target.dataset.action](target)

    document.addEventListener("click", create_proxy(dispatch))


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
