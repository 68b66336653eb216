"""What a view hands back: the document title and the HTML of the main region."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    title: str
    html: str
    focus: str = "main"
    """The id that gets focus when the screen is navigated to: a form's first field, say."""


def not_found(path: str) -> Screen:
    """What a location shows when what it names does not exist."""
    from app.ui.core.templates import render

    return Screen("Not found · Tonearm", render("not_found.html", path=path))


def load_failed(title: str, heading: str, message: str) -> Screen:
    """What a screen shows when its data did not come: what failed, the server's words, a retry."""
    from app.ui.core.templates import render

    return Screen(title, render("list_error.html", title=heading, message=message))


def sign_in_first(title: str, heading: str, back_to: str, reason: str) -> Screen:
    """What a screen for signed-in people shows a visitor: why to sign in, and a way back after."""
    from app.ui.core.templates import render

    return Screen(title, render("sign_in_prompt.html", title=heading, next=back_to, reason=reason))
