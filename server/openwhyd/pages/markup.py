"""Escapes as the real server's templates apply them, and the few places where ours is stricter on
purpose (links and CSS URLs the real pages would let a post's author run script through)."""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

MUSTACHE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;"})
ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
SAFE_SCHEME = re.compile(r"(https?:)?//|/(?!/)|[^:]*$", re.IGNORECASE)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def js_value(value: Any) -> str:
    """A value as JavaScript's `String()` writes it: null and undefined as nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def h(value: Any) -> str:
    """Mustache's `{{value}}` (hogan.js): `& < > ' "` as entities."""
    return js_value(value).translate(MUSTACHE)


def entities(value: Any) -> str:
    """`snip.htmlEntities`, which titles and meta tags go through: the same without `'`, and any
    falsy value as nothing."""
    return js_value(value or "").translate(ENTITIES)


def js_string(value: Any) -> str:
    """`snip.sanitizeJsStringInHtml` (slashes, then entities) for a quoted string in an inline
    script; line breaks too, which would end the script's string."""
    slashed = js_value(value or "").replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')
    return entities(slashed.replace("\n", "\\n").replace("\r", "\\r").replace("\u2028", "\\u2028"))


def link(url: Any) -> str:
    """`url` for an `href`, escaped, unless its scheme is not http(s) (`javascript:`…): then none."""
    text = js_value(url)
    return h(text) if SAFE_SCHEME.match(text.strip()) else ""


def css_url(url: str) -> str:
    """`url` for `background-image:url('…')` in a style attribute: quotes, brackets and spaces
    percent-encoded so the value cannot leave `url()`."""
    return h(quote(url, safe="/:?&=#%@!$*+,;~.-_[]"))


def rooted(root: str, path: str) -> str:
    """A path of the service's own (`/…`, not `//host`) under its mount prefix."""
    return root + path if path.startswith("/") and not path.startswith("//") else path


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def iso(seconds: float) -> str:
    """As JavaScript's `toISOString` writes a date: UTC, to the millisecond, with a `Z`."""
    return _utc(seconds).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def day(seconds: float) -> str:
    """`D Mon YYYY`, in UTC."""
    at = _utc(seconds)
    return f"{at.day} {MONTHS[at.month - 1]} {at.year}"


def time_and_day(seconds: float) -> str:
    """The real `dateRendered`, `H:MM - D Mon YYYY`, in UTC rather than the server's zone."""
    at = _utc(seconds)
    return f"{at.hour}:{at.minute:02d} - {day(seconds)}"


FULL_URL = re.compile(
    r"\b(?:https?|ftp|file)://([-A-Z0-9+&@#$*'()%?=~_|!:,.;]*)[-A-Z0-9+&@#/%?=~_|!:,.;]*[-A-Z0-9+&@#/%=~_|]",
    re.IGNORECASE,
)
"""The real `snip` `regexUrl` (bios, shortened sources); group 1 is the host."""
TEXT_URL = re.compile(r"\b(?:https?|ftp|file)://([^/\s]*)\S*", re.IGNORECASE)
"""The real `regexUrl2` (comments)."""


def linked(text: str, pattern: re.Pattern[str], label: Callable[[re.Match[str]], str]) -> str:
    """`text` escaped, each URL `pattern` finds made a link to itself named by `label`. The real
    pages put the escaped text in a single-quoted `href` where a `'` ends it; here it is escaped."""
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(h(text[last : match.start()]))
        out.append(f'<a href="{h(match.group(0))}">{label(match)}</a>')
        last = match.end()
    return "".join(out) + h(text[last:])


def playlist_thumb(image: str) -> str:
    """A playlist's cover as the real pages draw it: the stored image, the blurred remote one, and
    the vinyl over them."""
    return (
        f'<div class="thumb" style="background-image:url(\'{css_url(image + "?localOnly=1")}\');">'
        f'<img class="blur" src="{h(image)}?remoteOnly=1" alt="">'
        '<div class="cover-playlist-vinyle"></div></div>'
    )


def subscribe_button(subscribed: bool) -> tuple[str, str]:
    """The class and label of a `.userSubscribe` button."""
    return ("userSubscribe subscribed", "Following") if subscribed else ("userSubscribe", "Follow")
