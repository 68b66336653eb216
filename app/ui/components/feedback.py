"""How actions tell people what happened: a refusal beside its form, or a spoken confirmation."""

from app.api.errors import ApiError
from app.ui.core.app import App
from app.ui.core.state import Notice

ANNOUNCER = "announcer"
"""The frame's `role=status` region: it outlives the screens, so screen readers hear each change."""


def announce(app: App, text: str) -> None:
    app.page.set_text(ANNOUNCER, text)


async def refuse(app: App, form: str, error: ApiError, values: dict[str, str] | None = None) -> None:
    """Show the screen again with `error` in `form`'s `form_error.html`, what was typed kept, and
    focus on the message so it is read first."""
    app.state.notices[form] = Notice(error.message, values or {})
    await app.refresh()
    app.page.focus(f"{form}-error")
