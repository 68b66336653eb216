"""What the app runs besides drawing screens: the actions people trigger, and work left to run in
the background. Apart from the controller, so that modules which only run things need not load it."""

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from app.ui.core.payloads import NoData

if TYPE_CHECKING:  # an action is handed the controller, which knows the actions
    from app.ui.core.app import App

P = TypeVar("P")


@dataclass(frozen=True)
class Action(Generic[P]):
    """What a click on `[data-action=name]`, a submit of `form[data-action=name]` (and the other
    events of the `Events` port) runs: `run`, with the element's data attributes or the form's
    fields read into a `payload` (`payloads.parse`). When they lack a field `run` needs, `form`
    names the form beside which that is said; an action of no form fails like any other."""

    run: Callable[["App", P], Awaitable[None]]
    payload: type[P] = NoData  # type: ignore[assignment]
    form: str | None = None


Actions = dict[str, Action[Any]]

_RUNNING: set[asyncio.Task] = set()


def spawn(work: Coroutine) -> asyncio.Task:
    """Run `work` in the background, held until done (the event loop keeps only weak references)."""
    task = asyncio.ensure_future(work)
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return task
