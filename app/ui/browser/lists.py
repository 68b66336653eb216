"""The `ListView` port: a long list's rows measured and patched in place (see `long_list`)."""

from collections.abc import Callable

from pyscript import document, window
from pyscript.ffi import is_none

from app.ui.browser.dom import Element
from app.ui.components.virtual_list import Geometry, Window


def row_index(row: Element) -> int:
    """A long list's row knows its place in the whole list (`aria-posinset`, from 1)."""
    return int(str(row.getAttribute("aria-posinset"))) - 1


def trim(rows: Element, edge: str, outside: Callable[[int], bool]) -> None:
    """Take the rows `outside` the window off one edge of a long list, with the white space
    between rows that came with them."""
    while not is_none(node := getattr(rows, edge)) and (node.nodeType != 1 or outside(row_index(node))):
        node.remove()


class BrowserLists:
    def list_geometry(self, element_id: str) -> Geometry | None:
        """Where a long list's rows are on screen (see `virtual_list.Geometry`): the spacer above
        the rows is the list's top padding, so its top is where its first row would be."""
        rows: Element = document.getElementById(element_id)
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
        rows: Element = document.getElementById(element_id)
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

    def replace(self, element_id: str, markup: str) -> None:
        element = document.getElementById(element_id)
        if not is_none(element):
            element.outerHTML = markup
