"""What the heavy studio's screens share: who is signed in, how a refusal reads, sizes and dates.

The user token is the only credential. It lives in the session and the client, and in the
browser's storage only when the user asks to be remembered; it never goes into a URL or a log.
"""

from contextlib import suppress
from datetime import datetime
from typing import Any

from app.api.errors import ApiError, AuthRequired
from app.clock import utc_now
from app.heavy.models import CompileMessage, Job
from app.heavy.token import HeavyToken, InvalidToken, read_token
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.router import ROUTES, Match, href
from app.ui.core.screen import Screen, not_found
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.core.wording import counted

REMEMBERED_TOKEN = "tonearm.heavy-token"
"""The localStorage key of a remembered token."""


def use_token(state: AppState, token: HeavyToken | None) -> None:
    """Requests carry `token` from now on; None signs out (public documents only)."""
    state.session.heavy_token = token
    state.services.heavy.token = token


def restore(state: AppState, remembered: str) -> None:
    """At boot, with no request: a revoked token is heard of on the first screen that asks."""
    with suppress(InvalidToken):
        use_token(state, read_token(remembered, utc_now(state.clock)))


async def sign_out(app: App, _: NoData) -> None:
    """Forget the token, on this device too, and show the screen as anyone sees it."""
    app.ports.storage.store(REMEMBERED_TOKEN, "")
    use_token(app.state, None)
    app.state.uploads.clear()
    await app.refresh()
    app.page.focus("main")


def failure(title: str, error: ApiError, state: AppState) -> str:
    """A screen that could not load; when the service refused the token, say what to do."""
    message = error.message
    if isinstance(error, AuthRequired) and state.session.heavy_token:
        message += " Sign out of heavy, then sign in with a token that works."
    return render("list_error.html", title=title, message=message)


def not_there(match: Match, state: AppState, what: str) -> Screen:
    """A patch or version the service says is not there: signed out, it may be a private one,
    which is not there for anyone but its owner, so say to sign in; signed in, it is not there."""
    if state.session.heavy_token is not None or match.route is None:
        return not_found(match.path)
    here = href(match.route.name, None, ROUTES, **match.params)
    markup = render_studio("heavy_private.html", what=what, here=here)
    return Screen("Sign in · heavy · Tonearm", markup)


def byte_size(count: int) -> str:
    if count < 1024:
        return counted(count, "byte")
    if count < 1 << 20:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1 << 20):.1f} MiB"


def moment(stamp: str | None) -> str:
    """heavy's naive UTC timestamps (`2026-11-24T00:13:37.123456`), to the minute."""
    try:
        return f"{datetime.fromisoformat(stamp or ''):%Y-%m-%d %H:%M} UTC"
    except ValueError:
        return stamp or "unknown"


def message_text(message: CompileMessage) -> str:
    """hvcc's words without the `[object] in "file" @ (x:…, y:…): ` they start with, which the
    studio shows apart."""
    if message.position is None:
        return message.detail
    (x, y), name, file = message.position, message.object or "", message.file or ""
    return message.detail.removeprefix(f'[{name}] in "{file}" @ (x:{x}, y:{y}): ')


def compile_time(job: Job) -> str:
    """A failed compile stopped at its errors: how long that took says nothing."""
    if not job.succeeded:
        return "— (it failed)"
    return "—" if job.compile_time is None else f"{job.compile_time:.2f} s"


def render_studio(template: str, **context: Any) -> str:
    """A studio template, with the formatting helpers they use."""
    helpers = {
        "byte_size": byte_size,
        "moment": moment,
        "message_text": message_text,
        "compile_time": compile_time,
    }
    return render(template, **helpers, **context)


ACTIONS: Actions = {"heavy-sign-out": Action(sign_out)}
"""Actions of the frame's heavy account, available on every screen."""
