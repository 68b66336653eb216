"""The account forms' checks before sending: links, changed fields, passwords, pictures."""

import pytest

from app.openwhyd import account_forms
from app.openwhyd.account_forms import (
    FieldProblem,
    field_about,
    picture_type,
    profile_changes,
    web_link,
    with_changes,
)
from app.openwhyd.models import User

DUMMY = User(
    "000000000000000000000002",
    "dummy",
    handle="dummy",
    bio="noise",
    location="Paris",
    links={"home": "https://dummy.example", "tw": "someone"},
)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://example.org/me", "https://example.org/me"),
        ("  http://example.org  ", "http://example.org"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),
        ("example.org/me?x=1", "https://example.org/me?x=1"),
        ("example.org:8080/me", "https://example.org:8080/me"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_web_links_are_kept_or_given_https(typed: str, kept: str) -> None:
    assert web_link(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "javascript:alert(1)",
        "JavaScript://x.org/%0aalert(1)",
        "mailto:me@example.org",
        "ftp://example.org",
        "data:text/html,hi",
        "http://",
        "https://exa mple.org",
        "my site",
        "localhost:8000",
        "https://intranet",
    ],
)
def test_anything_but_a_web_link_is_refused_by_its_name(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^The Website link is not a web link"):
        web_link(typed, "The Website link")


def test_only_what_changed_is_sent() -> None:
    form = {
        "name": " dummy ",
        "handle": "dummy",
        "bio": "noise",
        "location": "Paris",
        "link_home": "https://dummy.example",
        "link_tw": "someone",
        "link_fb": "",
    }
    assert profile_changes(DUMMY, form) == {}


def test_changed_fields_are_tidied() -> None:
    form = {
        "name": "Dummy Two",
        "handle": "dummy",
        "bio": "line one\r\nline two ",
        "location": "",
        "link_home": "dummy.example/new",
        "link_tw": "",
        "link_yt": "youtube.com/@dummy",
    }
    assert profile_changes(DUMMY, form) == {
        "name": "Dummy Two",
        "bio": "line one\nline two",
        "location": "",
        "links": {"home": "https://dummy.example/new", "tw": "", "yt": "https://youtube.com/@dummy"},
    }


def test_a_bad_link_names_its_field_and_a_name_is_required() -> None:
    with pytest.raises(FieldProblem, match="The Facebook link is not a web link") as refused:
        profile_changes(DUMMY, {"name": "dummy", "handle": "dummy", "link_fb": "javascript:alert(1)"})
    assert refused.value.field == "link_fb"
    with pytest.raises(FieldProblem) as refused:
        profile_changes(DUMMY, {"name": "  ", "handle": "dummy"})
    assert refused.value.field == "name"


def test_the_profile_as_it_will_be_once_saved() -> None:
    changes = {"name": "Dummy Two", "handle": "", "links": {"tw": "", "fb": "https://fb.example/d"}}
    user = with_changes(DUMMY, changes)
    assert (user.name, user.handle, user.bio) == ("Dummy Two", None, "noise")
    assert dict(user.links) == {"home": "https://dummy.example", "fb": "https://fb.example/d"}
    assert with_changes(DUMMY, {}) == DUMMY


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"email": "a@b.org", "password": "secret"}, "name"),
        ({"name": "Nova", "email": " ", "password": "secret"}, "email"),
        ({"name": "Nova", "email": "a@b.org", "password": ""}, "password"),
        ({"name": "Nova", "email": "a@b.org", "password": "abc"}, "password"),
        ({"name": "Nova", "email": "a@b.org", "password": "x" * 33}, "password"),
    ],
)
def test_signing_up_needs_every_field_and_a_password_of_4_to_32(form: dict, field: str) -> None:
    with pytest.raises(FieldProblem) as refused:
        account_forms.signup(form)
    assert refused.value.field == field


def test_a_signup_is_tidied_but_its_password_kept_as_typed() -> None:
    form = {"name": " Nova ", "email": " nova@example.org ", "password": " pass word "}
    assert account_forms.signup(form) == ("Nova", "nova@example.org", " pass word ")


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"current": "", "new": "fresh-pass", "repeat": "fresh-pass"}, "current"),
        ({"current": "old", "new": "abc", "repeat": "abc"}, "new"),
        ({"current": "old", "new": "fresh-pass", "repeat": "fresh-past"}, "repeat"),
    ],
)
def test_a_new_password_is_checked_before_sending(form: dict, field: str) -> None:
    with pytest.raises(FieldProblem) as refused:
        account_forms.password_change(form)
    assert refused.value.field == field


def test_a_password_change_gives_both_passwords() -> None:
    form = {"current": "old", "new": "fresh", "repeat": "fresh"}
    assert account_forms.password_change(form) == ("old", "fresh")


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"\xff\xd8\xff\xe0....", "image/jpeg"),
        (b"GIF89a....", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_pictures_are_known_by_their_first_bytes(content: bytes, media_type: str) -> None:
    assert picture_type("file", content) == media_type


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Choose a picture first."),
        (b"<svg onload=alert(1)>", "This file is no picture"),
        (b"\x89PNG\r\n\x1a\n" + bytes(account_forms.MAX_PICTURE_BYTES), "larger than 5 MB"),
    ],
)
def test_what_is_no_picture_or_too_large_is_refused(content: bytes, message: str) -> None:
    with pytest.raises(FieldProblem, match=message):
        picture_type("file", content)


def test_a_message_is_about_the_first_field_it_names() -> None:
    words = (("username", "handle"), ("name", "name"))
    assert field_about("This username is already taken", words, "bio") == "handle"
    assert field_about("Please enter your NAME", words, "bio") == "name"
    assert field_about("Something else", words, "bio") == "bio"
