"""The HTML forms of the track lists (profiles, playlists, the stream and `/all`): the posts a
list's JSON holds, cut to the page's length, with the paging the real pages derive from them."""

from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from server.openwhyd import views
from server.openwhyd.pages import feeds, playlist, profile
from server.openwhyd.pages.paging import Address, Paging
from server.openwhyd.params import truthy
from server.openwhyd.responses import html_response
from server.openwhyd.web import Call


@dataclass(frozen=True)
class Cut:
    """A page of a list as the real renderer cuts it: the first `limit` posts shown; `more` when
    the list held more (and the page was not asked for backwards, which never offers more)."""

    shown: list[dict[str, Any]]
    more: bool


def cut(call: Call, docs: list[dict[str, Any]], limit: int) -> Cut:
    shown = views.with_comments(call.db, docs[:limit])
    return Cut(shown, len(docs) > limit and not truthy(call.params.get("before")))


def whole_page(call: Call) -> bool:
    """The real `shouldRenderWholeProfilePage`: asked for, or not a next or previous page."""
    params = call.params
    return truthy(params.get("wholePage")) or not (
        truthy(params.get("after")) or truthy(params.get("before"))
    )


def here(call: Call) -> Address:
    return Address(call.origin, call.url_path, call.query_string)


def canonical(call: Call, user: dict[str, Any]) -> Address:
    """The page's own address under `/u/<id>`, as the real server rewrites a handle's page URL."""
    path = call.url_path[len(call.root) :]
    if "uid" not in call.path and user.get("handle"):
        path = path.replace(f"/{user['handle']}", f"/u/{user['_id']}", 1)
    return Address(call.origin, call.root + path, call.query_string)


def _marker(post: dict[str, Any], by_order: bool) -> Any:
    """Where a page starts or ends: a playlist's tracks by their `order`, other lists by id."""
    order = post.get("order")
    return order if by_order and isinstance(order, int) and not isinstance(order, bool) else post["_id"]


def paging(call: Call, page: Cut, whole_url: Address | None, by_order: bool = False) -> Paging:
    """The next whole page (profiles only), the next and previous pages for script."""
    last = _marker(page.shown[-1], by_order) if page.more else None
    first = page.shown and not truthy(call.params.get("after"))
    return Paging(
        next_whole_page=whole_url.appended(("after", str(last)), ("wholePage", "true"))
        if whole_url and page.more
        else None,
        next_page=here(call).with_param("after", last) if page.more else None,
        prev_page=here(call).with_param("before", _marker(page.shown[0], by_order) or page.shown[0]["_id"])
        if first
        else None,
    )


def profile_tab(
    call: Call, user: dict[str, Any], tab: str, docs: list[dict[str, Any]], limit: int
) -> Response:
    """Tracks or Likes."""
    page = cut(call, docs, limit)
    address = canonical(call, user)
    shown = profile.gather(call.db, call.root, user, call.user)
    content = profile.posts_tab(
        shown, tab, page.shown, paging(call, page, address), truthy(call.params.get("before"))
    )
    if not whole_page(call):
        return html_response(content)
    url = address.appended()
    return html_response(profile.whole(shown, tab, content, url, empty=not page.shown))


def playlists_tab(call: Call, user: dict[str, Any], entries: list[dict[str, Any]]) -> Response:
    """`entries` newest first."""
    shown = profile.gather(call.db, call.root, user, call.user)
    content = profile.playlists_tab(shown, entries)
    if not whole_page(call):
        return html_response(content)
    return html_response(profile.whole(shown, "Playlists", content, canonical(call, user).appended()))


def playlist_page(
    call: Call, user: dict[str, Any], entry: dict[str, Any], docs: list[dict[str, Any]], limit: int
) -> Response:
    """`entry` is the playlist's `{id, name, nbTracks?}`."""
    page = cut(call, docs, limit)
    shown = playlist.PlaylistPage(
        root=call.root,
        user=user,
        viewer=call.user,
        playlist=entry,
        posts=page.shown,
        paging=paging(call, page, None, by_order=True),
        has_more=page.more,
        before=truthy(call.params.get("before")),
        neighbours=playlist.neighbours(
            call.root, user["_id"], views.playlists(call.db, user["_id"]), entry["id"]
        ),
    )
    if not whole_page(call):
        return html_response(playlist.fragment(shown))
    return html_response(playlist.whole(shown, canonical(call, user).appended()))


def feed_page(call: Call, home: bool, docs: list[dict[str, Any]], limit: int, body_class: str) -> Response:
    page = cut(call, docs, limit)
    feed = feeds.Feed(call.root, call.user, home, page.shown, page.more, paging(call, page, None))
    if not whole_page(call):
        return html_response(feeds.feed_fragment(feed))
    return html_response(feeds.feed_page(feed, body_class))
