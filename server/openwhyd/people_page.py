"""The HTML of a profile's Following and Followers tabs (reference §3.1).

Our own look, the real page's hooks and values: `ul#subscriptions > li.user[data-id]
[data-subscribed]` with `a.thumb`, `a.username` and `div.userbio`, the empty states, and
`a.btnLoadMore` to the next whole page, inside the profile page of pages/profile.py.
"""

from dataclasses import dataclass
from html import escape
from typing import Any

from server.openwhyd.pages import profile as profile_page
from server.openwhyd.pages.paging import Paging, load_more_link, script
from server.openwhyd.pages.profile import Profile

EMPTY = {
    (False, True): "You have no subscribers yet",
    (False, False): "No subscribers yet",
    (True, True): "You have no subscriptions yet",
    (True, False): "No subscriptions yet",
}


@dataclass(frozen=True)
class PeoplePage:
    """One page of a user's followings (`following`) or followers, as the viewer sees it."""

    profile: Profile
    following: bool
    people: list[dict[str, Any]]
    next_page_url: str | None
    url: str
    """The page's own absolute address."""


def _person(root: str, person: dict[str, Any]) -> str:
    url = escape(f"{root}/u/{person['id']}")
    img = escape(f"{root}/img/u/{person['id']}?width=100&height=100")
    return (
        f'<li class="user" data-id="{escape(person["id"])}" '
        f'data-subscribed="{"true" if person.get("subscribed") else ""}">'
        f'<a href="{url}" class="thumb" style="background-image:url(\'{img}\');"></a>'
        f'<a href="{url}" class="username">{escape(str(person.get("name") or ""))}</a>'
        f'<div class="userbio">{escape(str(person.get("bio") or ""))}</div></li>'
    )


def fragment(page: PeoplePage) -> str:
    """The list alone: what a page after the first is, unless `wholePage` asks for all of it."""
    profile = page.profile
    items = "".join(_person(profile.root, person) for person in page.people)
    empty = "" if page.people else f'<div class="emptyFeed">{EMPTY[page.following, profile.own]}</div>'
    more = load_more_link(page.next_page_url) if page.next_page_url else ""
    return f'<ul id="subscriptions">{items}</ul>{empty}{more}{script(Paging(), user=profile.user)}'


def whole(page: PeoplePage) -> str:
    """The profile page around the list."""
    tab = "Following" if page.following else "Followers"
    return profile_page.whole(page.profile, tab, fragment(page), page.url)
