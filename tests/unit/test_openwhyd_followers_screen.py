"""The subscribers and subscriptions screens over canned answers: who shows, the Follow buttons and
"This is you", paging by 50, and what a follow sends, refreshes, focuses and announces."""

import asyncio

from canned import OpenwhydAnswers
from fake_page import FakePage
from fake_ports import fake_ports
from ui_state import app_state

from app.openwhyd.models import User
from app.ui.core.app import App
from app.ui.core.state import Services

ME = User.from_json({"_id": "000000000000000000000001", "name": "admin", "handle": "admin"})
STAR = {"_id": "0000000000000000000000aa", "name": "Star <3", "handle": "star", "nbSubscribers": 2}


def fans(count: int) -> list[dict]:
    return [
        {"uId": f"{0x100 + n:024x}", "uNm": f"Fan {n}", **({"isSubscribing": True} if n == 3 else {})}
        for n in range(count)
    ]


def service(followers: list[dict], follows_star: bool = False) -> OpenwhydAnswers:
    state = {"follows": follows_star}

    def user(request: object) -> dict:
        return {**STAR, "isSubscribing": state["follows"], "nbSubscribers": 2 + state["follows"]}

    def follow(request: object) -> dict:
        state["follows"] = True
        return {"_id": "f1"}

    def page(request: object) -> list[dict]:
        query = dict(request.params)  # type: ignore[attr-defined]
        start = int(query["skip"])
        return followers[start : start + int(query["limit"])]

    return OpenwhydAnswers(
        {"GET /api/user": user, "GET /api/follow fetchFollowers": page, "POST /api/follow insert": follow}
    )


class StrictPage(FakePage):
    def log_error(self, text: str) -> None:
        raise AssertionError(text)


def started(location: str, answers: OpenwhydAnswers, me: User | None = ME) -> tuple[App, StrictPage]:
    page = StrictPage()
    state = app_state(services=Services(answers.client, None))
    state.session.openwhyd_user = me
    app = App(fake_ports(page), state)
    asyncio.run(app.show(location, focus=False))
    return app, page


def test_subscribers_show_with_follow_buttons_and_this_is_you() -> None:
    followers = [*fans(4), {"uId": ME.id, "uNm": "admin"}]
    _, page = started("#/u/star/subscribers", service(followers))
    html = page.regions["main"]
    assert "Star &lt;3" in html and "<3" not in html
    assert html.count('data-action="follow"') == 3 + 1, "three fans and the star"
    assert html.count('data-action="unfollow"') == 1 and 'aria-label="Following Fan 3"' in html
    assert "This is you" in html and f'id="follow-{ME.id}"' not in html
    assert 'aria-current="page">2 subscribers</a>' in html
    assert "Next 50" not in html and "Previous 50" not in html


def test_signed_out_nobody_gets_a_button() -> None:
    _, page = started("#/u/star/subscribers", service(fans(2)), me=None)
    assert "Fan 1" in page.regions["main"] and "data-action" not in page.regions["main"]


def test_more_than_fifty_pages_by_fifty() -> None:
    answers = service(fans(120))
    _, page = started("#/u/star/subscribers", answers)
    html = page.regions["main"]
    assert "Fan 49" in html and "Fan 50" not in html
    assert 'href="#/u/star/subscribers?skip=50">Next 50</a>' in html and "Previous 50" not in html
    assert answers.sent("GET")[-1] == (
        "GET /api/follow fetchFollowers",
        {"id": STAR["_id"], "skip": "0", "limit": "51", "isSubscr": "true"},
    )
    _, page = started("#/u/star/subscribers?skip=100", answers)
    html = page.regions["main"]
    assert "Fan 119" in html and "Fan 99" not in html and '<ol class="people-list" start="101"' in html
    assert 'href="#/u/star/subscribers?skip=50">Previous 50</a>' in html and "Next 50" not in html


def test_following_from_the_list_refreshes_focuses_and_announces() -> None:
    answers = service(fans(2))
    app, page = started("#/u/star/subscribers", answers)
    asyncio.run(app.act("follow", {"user": STAR["_id"], "name": "Star <3"}))
    assert ("POST /api/follow insert", {"tId": STAR["_id"]}) in answers.sent()
    assert 'aria-current="page">3 subscribers</a>' in page.regions["main"]
    assert f'id="follow-{STAR["_id"]}" data-action="unfollow"' in page.regions["main"]
    assert page.focused == [f"follow-{STAR['_id']}"]
    assert page.texts["announcer"] == "You follow Star <3."


def test_an_empty_list_says_so() -> None:
    _, page = started("#/u/star/subscribers", service([]))
    assert "Nobody follows Star &lt;3 yet." in page.regions["main"]
