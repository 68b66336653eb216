"""The account forms' values, checked and tidied before anything is sent.

Only what needs no round trip is checked here: a missing field, a new password typed twice
differently, a link that is no web link, a file that is no picture. Every other rule stays
the service's, and the screens show its own words.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from app.openwhyd.models import User

LINK_SITES = (
    ("home", "Website"),
    ("fb", "Facebook"),
    ("tw", "Twitter"),
    ("sc", "SoundCloud"),
    ("yt", "YouTube"),
    ("igrm", "Instagram"),
)
"""The links a profile has (Openwhyd's `lnk_<site>` fields) and what the form calls them."""

PASSWORD_LENGTH = "Your password must be between 4 and 32 characters"
MAX_PICTURE_BYTES = 5 * 1024 * 1024
TOO_LARGE = "This picture is larger than 5 MB: pick a smaller one."
PICTURE_TYPES = "image/png,image/jpeg,image/gif,image/webp"
"""What `picture_type` takes, as a file input's `accept`."""
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class FieldProblem(ValueError):
    """A value refused before sending; `field` is the form field's name, to put focus on."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _filled(form: Mapping[str, str], field: str, message: str) -> str:
    value = form.get(field, "").strip()
    if not value:
        raise FieldProblem(field, message)
    return value


def _password(form: Mapping[str, str], field: str, missing: str) -> str:
    """Passwords are taken as typed, spaces included; Openwhyd's length rule is known up front."""
    value = form.get(field, "")
    if not value:
        raise FieldProblem(field, missing)
    if not 4 <= len(value) <= 32:
        raise FieldProblem(field, PASSWORD_LENGTH)
    return value


def signup(form: Mapping[str, str]) -> tuple[str, str, str]:
    """The new account's name, email and password."""
    return (
        _filled(form, "name", "Enter your name."),
        _filled(form, "email", "Enter your email address."),
        _password(form, "password", "Choose a password."),
    )


def email(form: Mapping[str, str]) -> str:
    return _filled(form, "email", "Enter your email address.")


def password_change(form: Mapping[str, str]) -> tuple[str, str]:
    """The current password and the new one, typed the same twice."""
    current = form.get("current", "")
    if not current:
        raise FieldProblem("current", "Enter your current password.")
    new = _password(form, "new", "Choose a new password.")
    if form.get("repeat", "") != new:
        raise FieldProblem("repeat", "The new password and its repetition differ.")
    return current, new


def web_link(text: str, label: str = "This link") -> str:
    """A link as a profile keeps it: `http(s)://…` as typed (the scheme in lower case, as the
    profile page wants it), a bare `example.org/me` with `https://` put in front, "" for none.
    Anything else (`javascript:`, `mailto:`, words) is refused: everyone sees a profile's links."""
    value = text.strip()
    if not value:
        return ""
    scheme = _SCHEME.match(value)
    if not scheme or "." in scheme.group():  # `example.org:8080/me` has a port, not a scheme
        value = "https://" + value
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or not host or any(c.isspace() for c in value):
        raise ValueError(f"{label} is not a web link: it should start with https:// or http://.")
    if "." not in host:
        raise ValueError(f"{label} is not a web link: {host} is no web address.")
    return parts.scheme.lower() + value[len(parts.scheme) :]


def profile_changes(user: User, form: Mapping[str, str]) -> dict[str, Any]:
    """The `update_profile` arguments for what the profile form changed, and only those: a value
    left as it was is not sent again, nor checked (old profiles may hold links of any kind)."""
    changes: dict[str, Any] = {}
    name = _filled(form, "name", "Enter your name.")
    if name != user.name:
        changes["name"] = name
    handle = form.get("handle", "").strip()
    if handle != (user.handle or ""):
        changes["handle"] = handle
    for key, field in (("bio", "bio"), ("location", "location")):
        value = form.get(field, "").replace("\r\n", "\n").strip()
        if value != getattr(user, key):
            changes[key] = value
    links = {}
    for site, label in LINK_SITES:
        typed = form.get(f"link_{site}", "").strip()
        if typed != user.links.get(site, ""):
            try:
                links[site] = web_link(typed, f"The {label} link")
            except ValueError as error:
                raise FieldProblem(f"link_{site}", str(error)) from error
    if links:
        changes["links"] = links
    return changes


def with_changes(user: User, changes: Mapping[str, Any]) -> User:
    """The profile as it will be once `changes` are saved: what the screen shows meanwhile."""
    links = {**user.links, **changes.get("links", {})}
    return replace(
        user,
        name=changes.get("name", user.name),
        handle=changes.get("handle", user.handle) or None,
        bio=changes.get("bio", user.bio),
        location=changes.get("location", user.location),
        links={site: url for site, url in links.items() if url},
    )


def picture_type(field: str, content: bytes | None) -> str:
    """The media type of a picked picture, from its first bytes (a file's name can say anything)."""
    if not content:
        raise FieldProblem(field, "Choose a picture first.")
    if len(content) > MAX_PICTURE_BYTES:
        raise FieldProblem(field, TOO_LARGE)
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    for signature, media_type in _SIGNATURES:
        if content.startswith(signature):
            return media_type
    raise FieldProblem(field, "This file is no picture: pick a PNG, JPEG, GIF or WebP image.")


def field_about(message: str, words: Sequence[tuple[str, str]], default: str) -> str:
    """The field a message is about: the first of `words` (word, field) whose word it contains."""
    lowered = message.lower()
    return next((field for word, field in words if word in lowered), default)
