"""@mentions in what people write, as links to profiles. The text is escaped before anything is
linked, so only the links this module writes are markup."""

import html
import re

from markupsafe import Markup

from app.ui.core.router import href

MENTION = re.compile(
    r"@\[(?P<name>[^\]\n]+)\]\(user:(?P<uid>[0-9a-f]{24})\)"  # Openwhyd's stored form
    r"|(?<![\w@.])@(?P<handle>[a-z0-9][a-z0-9_.\-]{1,16}[a-z0-9])"  # a handle as people type it
)
"""Matched on escaped text, where neither form contains a character escaping changes."""


def _link(found: re.Match) -> str:
    if found["uid"]:
        return f'<a class="mention" href="{href("profile", user=found["uid"])}">@{found["name"]}</a>'
    return f'<a class="mention" href="{href("profile", user=found["handle"])}">@{found["handle"]}</a>'


def linked_mentions(text: str) -> Markup:
    """`text` escaped, with `@handle` and `@[Name](user:<id>)` turned into profile links."""
    return Markup(MENTION.sub(_link, html.escape(text)))
