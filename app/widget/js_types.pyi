"""What the widget uses of the browser's objects, for the type checker only: MicroPython has no typing
module, so this is a stub that it never loads (the widget's bundle holds modules it imports at run
time), imported by the widget's modules under `if TYPE_CHECKING:` with `TYPE_CHECKING = False`."""

from collections.abc import Awaitable, Callable, Iterable
from typing import Protocol, TypeAlias

Json: TypeAlias = dict[str, Json] | list[Json] | str | int | float | bool | None
"""A document as a fetch or JSONP reply hands it over: anything JSON can write."""

JsonObject: TypeAlias = dict[str, Json]

Listener: TypeAlias = Callable[[object], object]
"""An event handler; the widget's handlers never read the event."""

class Promise(Protocol):
    def catch(self, on_rejected: Listener) -> Promise: ...

class Reply(Protocol):
    """A response as `pyscript.fetch` hands it over."""

    ok: bool
    async def json(self) -> Json: ...

class ClassList(Protocol):
    def add(self, name: str) -> None: ...

class Dataset(Protocol):
    """The `data-*` attributes the widget writes and reads."""

    index: str
    kind: str
    theme: str
    ready: str

class Element(Protocol):
    id: str
    textContent: str
    className: str
    hidden: bool
    dataset: Dataset
    classList: ClassList
    children: Iterable[Element]
    firstElementChild: Element | None

    def setAttribute(self, name: str, value: str) -> None: ...
    def removeAttribute(self, name: str) -> None: ...
    def replaceChildren(self) -> None: ...
    def append(self, child: Element) -> None: ...
    def addEventListener(self, name: str, listener: Listener) -> None: ...

class Control(Element, Protocol):
    """A button or an input: it can be disabled."""

    disabled: bool

class Range(Control, Protocol):
    """An <input type="range">: its value and maximum are text, as in its attributes."""

    value: str
    max: str

    def matches(self, selector: str) -> bool: ...

class Meter(Element, Protocol):
    value: float

class Audio(Element, Protocol):
    src: str
    paused: bool
    currentTime: float
    duration: float

    def play(self) -> Promise: ...
    def pause(self) -> None: ...

class Script(Element, Protocol):
    src: str
    fetchPriority: str
    onload: Listener
    onerror: Listener

    def remove(self) -> None: ...

class AudioNode(Protocol):
    def connect(self, destination: AudioNode) -> None: ...

class AudioContext(Protocol):
    state: str
    destination: AudioNode

    def resume(self) -> Awaitable[None]: ...
    def suspend(self) -> Awaitable[None]: ...

class Level(Protocol):
    """What heavy-player.js reports of the patch's output, several times a second."""

    peak: float

class LoadedPatch(Protocol):
    """The patch `loadHeavyPatch` (the heavy service's heavy-player.js) starts in an AudioWorklet."""

    node: AudioNode
    onlevel: Callable[[Level], None]

    def setParam(self, name: str, value: float) -> None: ...
