"""What the player's adapters use of the browser objects that more than one of them holds: Pyodide
hands JS objects over untyped, and these protocols name what the code reads and calls of them so
the type checker follows it across the edge. Nothing here imports `js`: the adapters' pure parts
import under CPython as well."""

from typing import Protocol


class Proxy(Protocol):
    """A Python callable that JS may call (`create_proxy`), kept alive until destroyed."""

    def destroy(self) -> None: ...


class Promise(Protocol):
    """A JS promise, given callbacks (made with `create_once_callable`)."""

    def then(self, on_fulfilled: object) -> "Promise": ...

    def catch(self, on_rejected: object) -> "Promise": ...


class Element(Protocol):
    """A DOM element a player is put in."""

    id: str

    def replaceChildren(self, *children: object) -> None: ...
