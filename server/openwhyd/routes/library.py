"""Track lists (reference §3.3, §3.6): profiles, playlists, likes, `/me`, `/stream` and `/all`.

Profile, playlist and likes lists return up to limit + 1 posts, as the real server does; feeds
return exactly `limit`, each post with its comments and reposts.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from server.openwhyd import follow_lists, html, list_pages, people_page, views
from server.openwhyd.eids import track_url
from server.openwhyd.ids import object_id
from server.openwhyd.pages import profile as pages_profile
from server.openwhyd.params import callback_name, count, js_int, text, truthy
from server.openwhyd.people_page import PeoplePage
from server.openwhyd.responses import (
    JSON,
    bad_request,
    html_response,
    json_response,
    jsonp_response,
    library_error_json,
    redirect,
    text_response,
)
from server.openwhyd.store import follows, posts, users
from server.openwhyd.store.posts import Page
from server.openwhyd.web import Call

LIST_PARAMS = ("after", "before", "embedW", "format", "limit", "wholePage", "callback")
DEFAULT_LIMIT = 20
PEOPLE = 50
"""The fixed length of a page of followers or followings; their `limit` is ignored."""
TEXT_TEXT = "text/text; charset=utf-8"
NO_PLAYLIST = "meh... this playlist does not exist!"
NUMBER = re.compile(r"\s*-?[0-9]{1,15}\s*")


@dataclass(frozen=True)
class Listing:
    """How a list was asked for: `format` is json, links, list or None (an HTML page)."""

    format: str | None
    callback: str | None
    limit: int
    after: str | int | None
    before: str | int | None

    @property
    def json(self) -> bool:
        return self.format == "json"


def _cursor(value: Any) -> str | int | None:
    """A post id, or a number that bounds `order` instead."""
    if value is None:
        return None
    return object_id(value) or (int(value) if NUMBER.fullmatch(value) else None)


def _listing(call: Call) -> Listing | Response:
    """The list parameters, or the 400 a repeated one gets."""
    params = call.params
    for name in LIST_PARAMS:
        if name in params and not isinstance(params[name], str):
            return bad_request({"error": f"invalid parameter value: {name}"})
    callback = callback_name(params.get("callback"))
    return Listing(
        format="json" if callback else params.get("format"),
        callback=callback,
        limit=count(params.get("limit"), DEFAULT_LIMIT),
        after=_cursor(params.get("after")),
        before=_cursor(params.get("before")),
    )


def _json(listing: Listing, data: Any) -> Response:
    if listing.callback:
        return jsonp_response(listing.callback, data)
    return json_response(data)


def _links(docs: list[dict[str, Any]]) -> Response:
    urls = (track_url(doc.get("eId")) or "" for doc in docs)
    return text_response("\n".join(urls), media_type=TEXT_TEXT)


def _bare(listing: Listing, docs: list[dict[str, Any]]) -> Response | None:
    """The list as JSON, JSONP or links; None when it is asked for as a page."""
    if listing.json:
        return _json(listing, docs)
    if listing.format == "links":
        return _links(docs)
    return None


def _user_not_found(listing: Listing) -> Response:
    if listing.json:
        return library_error_json("USER_NOT_FOUND")
    return html_response(html.not_found(), 404)


def _login_first(call: Call, listing: Listing) -> Response:
    if listing.json:
        return library_error_json("REQ_LOGIN")
    return html_response(html.login(call.root))


def _kept_query(call: Call) -> str:
    """The list parameters a redirect carries over."""
    kept = [(name, call.params[name]) for name in LIST_PARAMS if name in call.params]
    return "?" + urlencode(kept) if kept else ""


Render = Callable[[Call, Listing, dict[str, Any]], Response]
Reader = Callable[[Page], list[dict[str, Any]]]


def _page(suffix: Callable[[Call], str], render: Render) -> Callable[[Call], Response]:
    """A page of `/u/:uid…` (307 to `/:handle…` when the user has a handle) or `/:handle…`."""

    def controller(call: Call) -> Response:
        listing = _listing(call)
        if isinstance(listing, Response):
            return listing
        if "uid" in call.path:
            uid = object_id(call.params["uid"])
            user = uid and users.get(call.db, uid)
            if user and user.get("handle"):
                return redirect(f"{call.root}/{user['handle']}{suffix(call)}{_kept_query(call)}")
        else:
            user = _by_handle(call)
        if not user:
            return _user_not_found(listing)
        return render(call, listing, user)

    return controller


def _profile(call: Call, listing: Listing, user: dict[str, Any]) -> Response:
    page = Page(listing.limit + 1, listing.after, listing.before)
    docs = posts.by_user(call.db, user["_id"], page)
    return _bare(listing, docs) or list_pages.profile_tab(call, user, "Tracks", docs, listing.limit)


def _likes(call: Call, listing: Listing, user: dict[str, Any]) -> Response:
    """Only `after` counts here; the page is always the default size plus one (the HTML shows
    `limit` of them)."""
    docs = posts.liked_by(call.db, user["_id"], Page(DEFAULT_LIMIT + 1, listing.after))
    return _bare(listing, docs) or list_pages.profile_tab(call, user, "Likes", docs, listing.limit)


def _playlists(call: Call, listing: Listing, user: dict[str, Any]) -> Response:
    entries = views.playlists(call.db, user["_id"], with_img=True)
    if listing.json:
        return _json(listing, entries)
    if listing.format == "list":
        return html_response(html.playlist_links(call.root, entries))
    return list_pages.playlists_tab(call, user, entries[::-1])


def _playlist(call: Call, listing: Listing, user: dict[str, Any]) -> Response:
    number = call.params.get("n")
    if number == "create":
        name = f"Playlist #{len(users.playlists(call.db, user['_id']))}"
        return _bare(listing, []) or list_pages.playlist_page(
            call, user, {"id": "create", "name": name}, [], 0
        )
    pl_id = js_int(number)
    entry = users.playlist(call.db, user["_id"], pl_id) if pl_id is not None else None
    if pl_id is None or entry is None:
        if listing.callback:
            return jsonp_response(listing.callback, NO_PLAYLIST)
        if listing.json:
            return text_response(NO_PLAYLIST, media_type=JSON)
        return html_response(html.message("Playlist", NO_PLAYLIST))
    page = Page(listing.limit + 1, listing.after, listing.before)
    docs = posts.in_playlist(call.db, user["_id"], pl_id, page)
    counted = {**entry, "nbTracks": users.track_counts(call.db, user["_id"]).get(str(entry["id"]), 0)}
    return _bare(listing, docs) or list_pages.playlist_page(call, user, counted, docs, listing.limit)


def _people(following: bool) -> Render:
    """`/:handle/subscriptions` and `/subscribers` (§3.1): whom the user follows, or who follows
    them, 50 a page from the offset `after`. These tabs hand the renderer no posts, so their JSON
    is always `[]` and their links are empty. The next whole page's URL appends to the page's own
    (pages/paging.py), so from the second page on it carries `after` twice, which is a 400."""

    def render(call: Call, listing: Listing, user: dict[str, Any]) -> Response:
        if listing.json:
            return _json(listing, [])
        if listing.format == "links":
            return text_response("", media_type=TEXT_TEXT)
        after, before = js_int(call.params.get("after")), truthy(call.params.get("before"))
        skip = after if after is not None and after >= 0 else 0
        rows = (follows.following if following else follows.followers)(call.db, user["_id"], skip, PEOPLE + 1)
        people = [(row["tid" if following else "uid"], None) for row in rows[:PEOPLE]]
        followed = follows.followed_by(call.db, call.uid) if call.uid else set()
        address = list_pages.canonical(call, user)
        page = PeoplePage(
            profile=pages_profile.gather(call.db, call.root, user, call.user),
            following=following,
            people=follow_lists.listed(call.db, people, followed),
            next_page_url=None
            if len(rows) <= PEOPLE or before
            else address.appended(("after", str(skip + PEOPLE)), ("wholePage", "true")),
            url=address.appended(),
        )
        whole = list_pages.whole_page(call)
        return html_response(people_page.whole(page) if whole else people_page.fragment(page))

    return render


profile = _page(lambda call: "", _profile)
subscriptions = _page(lambda call: "/subscriptions", _people(following=True))
subscribers = _page(lambda call: "/subscribers", _people(following=False))
likes = _page(lambda call: "/likes", _likes)
playlists = _page(lambda call: "/playlists", _playlists)
playlist = _page(lambda call: f"/playlist/{call.path['n']}", _playlist)


def _by_handle(call: Call) -> dict[str, Any] | None:
    handle = text(call.params.get("handle"))
    return users.by_handle(call.db, handle) if handle else None


def info(call: Call) -> Response:
    """`/u/:id/info`, `/:handle/info`: `{_id, handle, name}`, meant for JSONP (§3.13)."""
    if "uid" in call.path:
        uid = object_id(call.params["uid"])
        user = uid and users.get(call.db, uid)
    else:
        user = _by_handle(call)
    data = (
        {"_id": user["_id"], "handle": user.get("handle"), "name": user.get("name")}
        if user
        else {"error": "User not found"}
    )
    callback = callback_name(call.params.get("callback"))
    return jsonp_response(callback, data) if callback else json_response(data)


def me(call: Call) -> Response:
    """`/me`: 307 to the logged-in user's own page."""
    listing = _listing(call)
    if isinstance(listing, Response):
        return listing
    if call.user is None:
        return _login_first(call, listing)
    path = call.user.get("handle") or f"u/{call.uid}"
    return redirect(f"{call.root}/{path}{_kept_query(call)}")


HOME_CLASS = "pgStream pgWithSideBar"
ALL_CLASS = "pgStream pgFullStream pgWithSideBar"


def _feed(call: Call, listing: Listing, read: Reader, body_class: str) -> Response:
    """A feed's JSON holds exactly `limit` posts; its page reads one more to know if there are."""
    if listing.json or listing.format == "links":
        docs = views.with_comments(call.db, read(Page(listing.limit, listing.after, listing.before)))
        return _json(listing, docs) if listing.json else _links(docs)
    docs = read(Page(listing.limit + 1, listing.after, listing.before))
    return list_pages.feed_page(call, body_class == HOME_CLASS, docs, listing.limit, body_class)


def stream(call: Call) -> Response:
    """The home feed of the logged-in user, or of anyone through `?id=` (in JSON only); signed
    out, its page is everyone's tracks, as `/all`."""
    listing = _listing(call)
    if isinstance(listing, Response):
        return listing
    if "id" in call.params and listing.json:
        uid = object_id(call.params["id"])
        user = uid and users.get(call.db, uid)
        if not user:
            return _user_not_found(listing)
    elif call.user is None:
        if listing.json:
            return _login_first(call, listing)
        return _feed(call, listing, lambda page: posts.everyone(call.db, page), f"{ALL_CLASS} home")
    else:
        user = call.user
    return _feed(call, listing, lambda page: posts.feed(call.db, user["_id"], page), HOME_CLASS)


def everything(call: Call) -> Response:
    """`/all`: everyone's posts except reposts."""
    listing = _listing(call)
    if isinstance(listing, Response):
        return listing
    return _feed(call, listing, lambda page: posts.everyone(call.db, page), ALL_CLASS)
