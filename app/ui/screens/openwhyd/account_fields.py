"""The account forms' fields as the page sends them (sign up, forgotten password, settings), read
once at the edge; `app.openwhyd.account_forms` checks their values, by field name."""

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Profile:
    """The profile form: name, handle, bio, location and a `link_<site>` per site of `LINK_SITES`
    (a unit test keeps the two in step)."""

    name: str = ""
    handle: str = ""
    bio: str = ""
    location: str = ""
    link_home: str = ""
    link_fb: str = ""
    link_tw: str = ""
    link_sc: str = ""
    link_yt: str = ""
    link_igrm: str = ""
