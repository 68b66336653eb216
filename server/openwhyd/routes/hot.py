"""`/hot` and `/hot/:genre` (reference §3.4): the week's most shared tracks; `genre` is ignored.

The ranking is kept up to date from the writes (store/ranking.py) and pages are cut from it; the
default week starts on a whole minute, so it moves on once a minute.
"""

from typing import Any

from starlette.responses import Response

from server.openwhyd import html
from server.openwhyd.eids import track_url
from server.openwhyd.ids import id_at, object_id
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
    if params.get("format") != "json":
        return html_response(html.tracks(call.root, "Hot tracks", [post for _, post in shown]))
    tracks = [_track(group, post) for group, post in shown]
    if call.user:
        for track in tracks:
            track["isLoved"] = False
    more = {"skip": skip + limit} if total > skip + limit else False
    return json_response({"hasMore": more, "tracks": tracks})
