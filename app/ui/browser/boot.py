"""What the page shows of the boot itself, before and without an app: ready, or why not."""

import sys
import traceback

from pyscript import document, window


def runtime() -> dict[str, str]:
    """The versions the About screen names."""
    import pyodide

    return {"Python": sys.version.split()[0], "Pyodide": pyodide.__version__}


def mark(state: str) -> None:
    """`data-ready` on <html>: "true" once the first screen is interactive, "failed" if boot failed."""
    document.getElementById("app").removeAttribute("aria-busy")
    document.documentElement.dataset.ready = state


def failed(error: BaseException) -> None:
    """The traceback in the console, the error in the page, instead of the app."""
    window.console.error("".join(traceback.format_exception(error)))
    root = document.getElementById("app")
    root.innerHTML = ""
    panel = document.createElement("section")
    panel.className = "panel boot-failure"
    panel.setAttribute("role", "alert")
    heading = document.createElement("h1")
    heading.textContent = "Tonearm could not start"
    detail = document.createElement("p")
    detail.textContent = f"{type(error).__name__}: {error}"
    panel.append(heading, detail)
    root.append(panel)
    mark("failed")
