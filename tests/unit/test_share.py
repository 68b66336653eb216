"""Sending a track or playlist to people: the form, its refusals, and what is sent."""

import asyncio

from canned import OpenwhydAnswers
from fake_page import FakePage
from fake_ports import fake_ports
from ui_state import app_state

from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import User
from app.ui.components.share import ACTIONS, chosen, names_phrase
from app.ui.core.app import App
from app.ui.core.state import Services

ME = User("u0", "me")
FOLLOWING = [{"uId": "u0", "tId": "u1", "tNm": "Ann"}, {"uId": "u0", "tId": "u2", "tNm": "<b>Bo</b>"}]
TRACK = {"kind": "track", "id": "p1", "title": "Tone"}


def openwhyd(refusing: str = "") -> OpenwhydAnswers:
    """Whom ME follows; sending a track is refused with `refusing`, when given."""
    return OpenwhydAnswers(
        {
            "GET /api/follow fetchFollowing": FOLLOWING,
            "POST /api/post sendToUsers": {"error": refusing} if refusing else {},
            "POST /api/playlist sendToUsers": {},
        }
    )


def sharing(client: OpenwhydClient) -> tuple[App, FakePage]:
    page = FakePage()
    state = app_state(services=Services(client, None))
    state.session.openwhyd_user = ME
    return App(fake_ports(page), state, ACTIONS), page


def act(app: App, name: str, **data: str) -> None:
    asyncio.run(app.act(name, data))
    assert not app.page.errors


def test_names_read_as_a_sentence_and_only_checked_people_are_chosen() -> None:
    assert names_phrase(["Ann"]) == "Ann"
    assert names_phrase(["Ann", "Bo"]) == "Ann and Bo"
    assert names_phrase(["Ann", "Bo", "Cy"]) == "Ann, Bo and Cy"
    assert chosen({"kind": "track", "to-u1": "Ann", "title": "to-x"}) == {"u1": "Ann"}


def test_the_form_lists_whom_you_follow_escaped_and_takes_focus() -> None:
    app, page = sharing(openwhyd().client)
    act(app, "open-share", **TRACK)
    form = page.regions["share-panel"]
    assert 'name="to-u1" value="Ann"' in form and "&lt;b&gt;Bo&lt;/b&gt;" in form and "<b>Bo" not in form
    assert page.focused == ["share-title"]


def test_sending_to_nobody_is_refused_before_any_request() -> None:
    service = openwhyd()
    app, page = sharing(service.client)
    act(app, "open-share", **TRACK)
    act(app, "send-share", **TRACK)
    assert service.sent() == []
    assert "Choose at least one person" in page.regions["share-feedback"]
    assert page.focused == ["share-title", "share-error"]


def test_sending_closes_the_form_and_says_to_whom_on_screen_and_aloud() -> None:
    service = openwhyd()
    app, page = sharing(service.client)
    act(app, "send-share", **TRACK, **{"to-u1": "Ann", "to-u2": "Bo"})
    assert service.sent() == [("POST /api/post sendToUsers", {"pId": "p1", "uidList": ["u1", "u2"]})]
    confirmation = page.regions["share-panel"]
    assert "Sent Tone to Ann and Bo." in confirmation and "<form" not in confirmation
    assert page.focused == ["share-button"]
    assert page.texts["announcer"] == "Sent Tone to Ann and Bo."
    act(app, "send-share", kind="playlist", id="3", title="Mix", **{"to-u2": "Bo"})
    assert service.sent()[-1] == ("POST /api/playlist sendToUsers", {"plId": "u0_3", "uidList": ["u2"]})


def test_a_refusal_keeps_the_people_checked_and_shows_why() -> None:
    app, page = sharing(openwhyd(refusing="post not found").client)
    act(app, "open-share", **TRACK)
    form = page.regions["share-panel"]
    act(app, "send-share", **TRACK, **{"to-u2": "Bo"})
    assert page.regions["share-panel"] == form  # not drawn again: what was checked stays checked
    assert "It was not sent: post not found" in page.regions["share-feedback"]
    assert page.focused[-1] == "share-error"
