"""The `Page` port: the page's regions and elements, by id."""

from pyscript import document, window
from pyscript.ffi import is_none


class BrowserPage:
    def set_html(self, region: str, markup: str) -> None:
        """A new screen in `main` ends the loading state the location's `on_change` started. Any
        other region (the player bar, the queue) is drawn again for reasons of its own, a track
        starting say: the control that had the focus keeps it, by its id, rather than the focus
        falling back to the top of the page under a keyboard user."""
        element = document.getElementById(region)
        focused = document.activeElement
        kept = "" if region == "main" or is_none(focused) or not element.contains(focused) else focused.id
        element.innerHTML = markup
        if region == "main":
            element.removeAttribute("aria-busy")
        elif kept:
            self.focus(kept)

    def set_title(self, title: str) -> None:
        document.title = title

    def focus(self, region: str) -> None:
        """Unless it is gone: a row scrolled away while its action was out."""
        element = document.getElementById(region)
        if not is_none(element):
            element.focus()

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

    def open_dialog(self, dialog_id: str) -> None:
        dialog = document.getElementById(dialog_id)
        if not dialog.open:
            dialog.showModal()

    def log_error(self, text: str) -> None:
        window.console.error(text)
