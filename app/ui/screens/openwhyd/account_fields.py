"""The account forms' fields as the page sends them (sign up, forgotten password, settings), read
once at the edge; `app.openwhyd.account_forms` checks their values, by field name."""

from dataclasses import dataclass, field, make_dataclass

from app.openwhyd.account_forms import LINK_SITES


@dataclass(frozen=True)
class SignUp:
    name: str = ""
    email: str = ""
    password: str = ""


@dataclass(frozen=True)
class Email:
    email: str = ""


@dataclass(frozen=True)
class PasswordChange:
    current: str = ""
    new: str = ""
    repeat: str = ""


Profile = make_dataclass(
    "Profile",
    [
        (name, str, field(default=""))
        for name in ("name", "handle", "bio", "location", *(f"link_{site}" for site, _ in LINK_SITES))
    ],
    frozen=True,
)
"""The profile form: name, handle, bio, location and a `link_<site>` per site of `LINK_SITES`."""
