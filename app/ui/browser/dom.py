"""The JavaScript objects the browser modules touch, as protocols naming what they use of them
(Pyodide hands them over as proxies), and the conversions they share."""

from collections.abc import Callable
from typing import Any, Protocol

import js
from pyodide.ffi import create_proxy, to_js


class Dataset(Protocol):
    """An element's `data-*` attributes, camel-cased (`data-drop-action` is `dropAction`)."""

    def __getattr__(self, name: str) -> str: ...


class Style(Protocol):
    paddingTop: str
    paddingBottom: str


class Rect(Protocol):
    top: float


class Element(Protocol):
    """An element, or a text node where noted (`nodeType` tells them apart)."""

    tagName: str
    nodeType: int
    dataset: Dataset
    style: Style
    innerHTML: str
    outerHTML: str
    textContent: str
    value: str
    hidden: bool
    open: bool
    isContentEditable: bool
    className: str
    offsetTop: float
    offsetHeight: float
    childElementCount: int
    firstChild: "Element"
    lastChild: "Element"
    firstElementChild: "Element"
    lastElementChild: "Element"
    nextElementSibling: "Element"

    def getAttribute(self, name: str) -> str | None: ...
    def setAttribute(self, name: str, value: str) -> None: ...
    def removeAttribute(self, name: str) -> None: ...
    def hasAttribute(self, name: str) -> bool: ...
    def matches(self, selector: str) -> bool: ...
    def closest(self, selector: str) -> "Element": ...
    def querySelector(self, selector: str) -> "Element": ...
    def contains(self, other: object) -> bool: ...
    def insertAdjacentHTML(self, position: str, markup: str) -> None: ...
    def getBoundingClientRect(self) -> Rect: ...
    def append(self, *children: "Element") -> None: ...
    def remove(self) -> None: ...
    def focus(self) -> None: ...
    def showModal(self) -> None: ...
    def click(self) -> None: ...


class EventTarget(Protocol):
    def addEventListener(self, name: str, listener: object, *options: object) -> None: ...


class Event(Protocol):
    target: Element
    relatedTarget: Element

    def preventDefault(self) -> None: ...


def options(**values: object) -> Any:
    """A plain JS object, as the DOM's option arguments want (`{passive: true}`)."""
    return to_js(values, dict_converter=js.Object.fromEntries)


def data_of(element: Element) -> dict[str, str]:
    """An element's data attributes as a dict (camel-cased keys, as `dataset` names them)."""
    return dict(js.Object.entries(element.dataset).to_py())


def listen(target: EventTarget, handlers: dict[str, Callable[[Any], None]], *extra: object) -> None:
    """Each handler listens to its event on `target`, for the life of the page."""
    for name, handler in handlers.items():
        target.addEventListener(name, create_proxy(handler), *extra)
