"""Messages beside a form, in its feedback slot (`form_error.html`, or the account forms' own), put in
place without drawing the form again: what was typed or checked stays, passwords and picked files
included."""

from app.ui.core.ports import Page
from app.ui.core.state import Notice
from app.ui.core.templates import render


def tell(page: Page, form: str, message: str, *, ok: bool = False, focus: str | None = None) -> None:
    """Show `message` in `form`'s feedback slot (a refusal, or with `ok` a confirmation), then focus
    `focus` (a field id: the one to correct) or else the message itself."""
    markup = render("form_feedback.html", form=form, notice=Notice(message), ok=ok)
    page.set_html(f"{form}-feedback", markup)
    page.focus(focus or f"{form}-{'saved' if ok else 'error'}")
