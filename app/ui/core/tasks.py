"""What the app runs besides drawing screens: the actions people trigger, and work left to run in
the background. Apart from the controller, so that modules which only run things need not load it."""

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an action is handed the controller, which knows the actions
    from app.ui.core.app import App

Action = Callable[["App", dict[str, str]], Awaitable[None]]
"""What a click on `[data-action=name]` or a submit of `form[data-action=name]` runs, with the
element's data attributes or the form's fields."""

_RUNNING: set[asyncio.Task] = set()


def spawn(work: Coroutine) -> asyncio.Task:
    """Run `work` in the background, held until done (the event loop keeps only weak references)."""
    task = asyncio.ensure_future(work)
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return task
