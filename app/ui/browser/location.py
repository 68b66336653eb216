"""The `Location` port: the page's `#…` location, which is the app's route."""

from collections.abc import Callable

from pyscript import document, window

from app.ui.browser.dom import listen


class BrowserLocation:
    def current(self) -> str:
        return window.location.hash

    def go(self, location_hash: str) -> None:
        window.location.hash = location_hash

    def on_change(self, callback: Callable[[str], object]) -> None:
        """`main` shows as loading (`aria-busy`) until the new screen replaces it."""

        def changed(event: object) -> None:
            document.getElementById("main").setAttribute("aria-busy", "true")
            callback(self.current())

        listen(window, {"hashchange": changed})


def page_address() -> str:
    """The app page's address without its `#…`: where the embeddable widget sits beside it."""
    return str(window.location.href).split("#")[0]
