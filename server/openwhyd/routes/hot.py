"""`/hot` and `/hot/:genre` (reference §3.4): the week's most shared tracks; `genre` is ignored.

The ranking is kept up to date from the writes (store/ranking.py) and pages are cut from it; the
default week starts on a whole minute, so it moves on once a minute.
"""

from typing import Any

from starlette.responses import Response

from server.openwhyd import views
from server.openwhyd.eids import track_url
from server.openwhyd.ids import id_at, object_id
from server.openwhyd.pages import feeds
from server.openwhyd.params import count
from server.openwhyd.responses import html_response, json_response
from server.openwhyd.store import posts
from server.openwhyd.store.ranking import Group
from server.openwhyd.web import Call

DEFAULT_LIMIT = 20
WINDOW = 7 * 24 * 3600


def _track(group: Group, post: dict[str, Any]) -> dict[str, Any]:
    """A ranked group shown through its earliest post; missing keys come back as null."""
    return {
        "_id": post["_id"],
        "pId": post["_id"],
        "eId": post.get("eId"),
        "name": post.get("name"),
        "img": post.get("img"),
        "uId": post.get("uId"),
        "uNm": post.get("uNm"),
        "pl": post.get("pl"),
        "nbR": group.posts,
        "nbL": group.likes,
        "score": group.score,
        "trackUrl": track_url(post.get("eId")),
    }


def hot(call: Call) -> Response:
    params = call.query
    limit = count(params.get("limit"), DEFAULT_LIMIT)
    skip = count(params.get("skip"), 0)
    since_id = object_id(params.get("sinceId"))
    store = call.service.store
    ranking, since = (
        (store.week_ranking, id_at(call.now // 60 * 60 - WINDOW))
        if since_id is None
        else (store.since_ranking, since_id)
    )
    page, total = ranking.page(call.db, since, skip, limit)
    firsts = posts.by_ids(call.db, [group.first for group in page]) if page else {}
    shown = [(group, firsts[group.first]) for group in page if group.first in firsts]  # or deleted since
    tracks = [_track(group, post) for group, post in shown]
    has_more = total > skip + limit
    if params.get("format") != "json":
        listed = views.with_comments(call.db, tracks)
        return html_response(_page(call, listed, skip + limit if has_more else None))
    if call.user:
        for track in tracks:
            track["isLoved"] = False
    return json_response({"hasMore": {"skip": skip + limit} if has_more else False, "tracks": tracks})


def _page(call: Call, tracks: list[dict[str, Any]], next_skip: int | None) -> str:
    """The ranked tracks as posts; with `skip` (any value) only them, which "Load more" appends.
    The next page's URL is made as the real page's script makes it: `?skip=` appended to the
    address, even one that already has a query."""
    here = f"{call.origin}{call.url_path}" + (f"?{call.query_string}" if call.query_string else "")
    next_url = f"{here}?skip={next_skip}" if next_skip is not None else None
    fragment = feeds.hot_fragment(call.root, call.uid, tracks, next_url)
    return fragment if call.query.get("skip") else feeds.hot_page(call.root, call.user, fragment)
