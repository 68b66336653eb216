"""Messages beside a form (the account forms, the share form), put in place without drawing the form
again: what was typed or checked stays, passwords and picked files included."""

from app.ui.core.app import App
from app.ui.core.state import Notice
from app.ui.core.templates import render


def tell(app: App, form: str, message: str, *, ok: bool = False, focus: str | None = None) -> None:
    """Show `message` in `form`'s feedback slot (a refusal, or with `ok` a confirmation), then focus
    `focus` (a field id: the one to correct) or else the message itself."""
    markup = render("account_feedback.html", form=form, notice=Notice(message), ok=ok)
    app.page.set_html(f"{form}-feedback", markup)
    app.page.focus(focus or f"{form}-{'saved' if ok else 'error'}")


def still_on(app: App, route: str) -> bool:
    """After a wait: whether the screen is still there to show the outcome on."""
    return app.current.name == route
