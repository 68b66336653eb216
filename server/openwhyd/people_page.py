"""The HTML of a profile's Following and Followers tabs (reference §3.1).

Our own look, the real page's hooks and values: `ul#subscriptions > li.user[data-id]
[data-subscribed]` with `a.thumb`, `a.username` and `div.userbio`, the counts in `#userStats`, the
empty states, and `a.btnLoadMore` to the next whole page.
"""

from dataclasses import dataclass
from html import escape
from typing import Any

from server.openwhyd import html

EMPTY = {
    (False, True): "You have no subscribers yet",
    (False, False): "No subscribers yet",
    (True, True): "You have no subscriptions yet",
    (True, False): "No subscriptions yet",
}
SELECTED = ' class="selected"'


@dataclass(frozen=True)
class PeoplePage:
    """One page of a user's followings (`following`) or followers, as the viewer sees it."""

    root: str
    user: dict[str, Any]
    following: bool
    people: list[dict[str, Any]]
    own_profile: bool
    next_page_url: str | None
    counts: dict[str, int]


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
    items = "".join(_person(page.root, person) for person in page.people)
    empty = "" if page.people else f'<div class="emptyFeed">{EMPTY[page.following, page.own_profile]}</div>'
    more = (
        f'<a class="btnLoadMore" href="{escape(page.next_page_url)}"><span>Load more</span></a>'
        if page.next_page_url
        else ""
    )
    return f'<ul id="subscriptions">{items}</ul>{empty}{more}'


def whole(page: PeoplePage) -> str:
    """The profile page around the list: name, counts and tabs."""
    user, root = page.user, page.root
    base = f"{root}/u/{user['_id']}"
    name = str(user.get("name") or "")
    tab = "Following" if page.following else "Followers"
    tabs = "".join(
        f'<li><a href="{escape(base + suffix)}"{SELECTED if label == tab else ""}>{label}</a></li>'
        for label, suffix in (
            ("Tracks", ""),
            ("Playlists", "/playlists"),
            ("Likes", "/likes"),
            ("Following", "/subscriptions"),
            ("Followers", "/subscribers"),
        )
    )
    head = (
        f'<header id="profileHead"><h1>{escape(name)}</h1><div id="userStats">'
        f'<a id="userSubscriptions" href="{escape(base)}/subscriptions">'
        f"<span>{page.counts['nbSubscriptions']}</span> following</a> "
        f'<a id="userSubscribers" href="{escape(base)}/subscribers">'
        f"<span>{page.counts['nbSubscribers']}</span> followers</a></div></header>"
    )
    title_tab = f'<h2 class="head-name-tab"><span>{tab}</span></h2>'
    body = f'{head}<ul class="tabs">{tabs}</ul>{title_tab}{fragment(page)}'
    title = f"{name}'s {'following' if page.following else 'followers'}"
    return html.page(title, body)
