"""`/search` in every context (reference §3.9), over the full-text index of tracks, people and
playlists; the real server answers from Algolia with these shapes.
"""

from typing import Any

from starlette.responses import Response

from server.openwhyd import views
from server.openwhyd.ids import object_id
from server.openwhyd.pages import post_items
from server.openwhyd.pages import search as search_page_html
from server.openwhyd.pages.post_items import Viewing
from server.openwhyd.params import text
from server.openwhyd.responses import html_response, json_response
from server.openwhyd.store import follows, fulltext, posts, users
from server.openwhyd.store.posts import Page
from server.openwhyd.web import Call

FOLLOWED_SCORE = 10
ADD_TRACK_HITS, MENTION_HITS, HEADER_HITS, MAIN_HITS = 5, 6, 5, 20
CANDIDATES = 50


class Search:
    """One query by one (possibly anonymous) viewer."""

    def __init__(self, call: Call, query: str) -> None:
        self.call, self.q, self.db, self.store = call, query, call.db, call.service.store
        self.followed = follows.followed_by(self.db, call.uid) if call.uid else set()

    def score(self, uid: Any) -> int:
        return FOLLOWED_SCORE if uid in self.followed else 0

    def track_hits(
        self, limit: int, uid: str | None = None, not_uid: str | None = None
    ) -> list[dict[str, Any]]:
        """Short track items, one per eId, followed posters first."""
        seen, items = set(), []
        for doc in fulltext.tracks(self.store, self.q, CANDIDATES, uid=uid, not_uid=not_uid):
            if doc.get("eId") in seen:
                continue
            seen.add(doc.get("eId"))
            items.append(
                {
                    "id": doc["_id"],
                    "eId": doc.get("eId"),
                    "url": f"/c/{doc['_id']}",
                    "img": doc.get("img"),
                    "name": doc.get("name"),
                    "uId": doc["uId"],
                    "uNm": doc.get("uNm"),
                    "score": self.score(doc["uId"]),
                }
            )
        return sorted(items, key=lambda item: -item["score"])[:limit]

    def posts(self, limit: int) -> list[dict[str, Any]]:
        docs = fulltext.tracks(self.store, self.q, limit)
        return [
            {**doc, "isSubscribed": doc["uId"] in self.followed, "score": self.score(doc["uId"])}
            for doc in docs
        ]

    def people(self, limit: int) -> list[dict[str, Any]]:
        found = [
            user
            for row in fulltext.people(self.store, self.q, limit)
            if (user := users.get(self.db, row["id"]))
        ]
        return sorted(found, key=lambda user: -self.score(user["_id"]))

    def playlists(self, limit: int) -> list[dict[str, Any]]:
        return [dict(row) for row in fulltext.playlists(self.store, self.q, limit)]


def _user_item(s: Search, user: dict[str, Any]) -> dict[str, Any]:
    latest = posts.by_user(s.db, user["_id"], Page(1))
    return {
        "_id": user["_id"],
        "name": user.get("name"),
        **({"lastTrack": latest[0]} if latest else {}),
        "isSubscribed": user["_id"] in s.followed,
        "score": s.score(user["_id"]),
    }


def _playlist_item(s: Search, pl: dict[str, Any]) -> dict[str, Any]:
    """A playlist hit; `author` is `{}` as on the real server (a promise serialised too early)."""
    uid, pl_id = pl["uid"], pl["pl_id"]
    last = posts.in_playlist(s.db, uid, pl_id, Page(3)) if isinstance(pl_id, int) else []
    return {
        "_id": pl_id,
        "id": f"{uid}_{pl_id}",
        "name": pl["name"],
        "uId": uid,
        "uNm": pl["unm"],
        "url": views.playlist_url(uid, pl_id),
        "img": views.playlist_img(uid, pl_id),
        "idParts": [uid, str(pl_id)],
        "nbTracks": users.track_counts(s.db, uid).get(str(pl_id), 0),
        "lastPosts": last,
        "author": {},
        "isSubscribed": uid in s.followed,
        "score": s.score(uid),
    }


def _header(s: Search) -> dict[str, Any]:
    """`context=header`: singular keys, each only when it has hits."""
    results = {
        "user": [
            {
                "id": u["_id"],
                "name": u.get("name"),
                "img": u.get("img"),
                "url": "/" + u["handle"] if u.get("handle") else f"/u/{u['_id']}",
                "score": s.score(u["_id"]),
                "isSubscribed": u["_id"] in s.followed,
            }
            for u in s.people(HEADER_HITS)
        ],
        "post": [
            {
                "id": p["_id"],
                "name": p.get("name"),
                "img": p.get("img"),
                "url": f"/c/{p['_id']}",
                "score": p["score"],
                "isSubscribed": p["isSubscribed"],
            }
            for p in s.posts(HEADER_HITS)
        ],
        "playlist": [
            {key: item[key] for key in ("id", "name", "img", "url", "score", "isSubscribed")}
            for item in (_playlist_item(s, pl) for pl in s.playlists(HEADER_HITS))
        ],
    }
    return {"q": s.q, "results": {key: hits for key, hits in results.items() if hits}}


def _main(s: Search) -> dict[str, Any]:
    return {
        "q": s.q,
        "results": {
            "posts": s.posts(MAIN_HITS),
            "playlists": [_playlist_item(s, pl) for pl in s.playlists(MAIN_HITS)],
            "users": [_user_item(s, user) for user in s.people(MAIN_HITS)],
        },
    }


def _mention(s: Search) -> dict[str, Any]:
    hits = [
        {"_id": u["_id"], "name": u.get("name"), **{key: u[key] for key in ("handle", "img") if u.get(key)}}
        for u in s.people(MENTION_HITS)
    ]
    return {"hits": hits}


def search_page(call: Call) -> Response:
    params = call.query
    query = text(params.get("q"))
    if query is None:
        return html_response(search_page_html.page(call.root, call.user, None, None))
    s = Search(call, query)
    context = params.get("context")
    if context == "addTrack":
        return json_response(s.track_hits(ADD_TRACK_HITS, not_uid=call.uid))
    if context == "quick":
        if call.uid is None:
            return json_response({"error": "you must be logged in to use that feature"})
        return json_response(
            {
                "q": query,
                "results": {
                    "myPosts": s.track_hits(ADD_TRACK_HITS, uid=call.uid),
                    "theirPosts": s.track_hits(ADD_TRACK_HITS, not_uid=call.uid),
                },
            }
        )
    if context == "mention":
        return json_response(_mention(s))
    if "uid" in params:
        uid = object_id(params["uid"])
        found = fulltext.tracks(call.service.store, query, MAIN_HITS, uid=uid) if uid else []
        if params.get("format") == "html":
            see = Viewing.of(call.root, call.user)
            return html_response(post_items.items(see, views.with_comments(call.db, found)))
        return json_response({"q": query, "uId": params["uid"], "results": found})
    if context == "header":
        header = _header(s)
        if params.get("format") == "html":
            return html_response(search_page_html.results_box(call.root, query, header["results"]))
        return json_response(header)
    if params.get("format") != "json":
        results = _main(s)["results"]
        results["posts"] = views.with_comments(call.db, results["posts"])
        return html_response(search_page_html.page(call.root, call.user, query, results))
    return json_response(_main(s))
