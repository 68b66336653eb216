"""`GET /recent` (openwhyd-social.md §2): what the people one follows liked and whom they followed.

Likes and follows, eleven of each, merged newest first and cut to ten; likes of deleted posts are
left out; consecutive items of one person and one kind make one line. `?after=<id>` gives the
next items alone, without the page around them, as the real "Load more" asks.
"""

from html import escape
from itertools import groupby
from typing import Any

from starlette.responses import Response

from server.openwhyd import html
from server.openwhyd.ids import object_id
from server.openwhyd.responses import html_response, redirect
from server.openwhyd.store import activity, posts
from server.openwhyd.web import Call

FETCHED, SHOWN = 11, 10


def recent(call: Call) -> Response:
    if call.user is None:
        return redirect(call.root + "/")
    after = object_id(call.query.get("after"))
    merged = sorted(
        activity.of_followed(call.db, call.my_id, FETCHED, after)
        + activity.follows_of_followed(call.db, call.my_id, FETCHED, after),
        key=lambda item: item["_id"],
        reverse=True,
    )[:SHOWN]
    liked = posts.by_ids(call.db, [item["like"]["pId"] for item in merged if "like" in item])
    shown = [item for item in merged if "like" not in item or item["like"]["pId"] in liked]
    fragment = _items(call.root, shown, liked)
    if merged:
        fragment += (
            f'<a class="more" href="{escape(call.root)}/recent?after={merged[-1]["_id"]}">Load more</a>'
        )
    return html_response(
        fragment if after else html.page("Recent activity", f"<h1>Recent activity</h1>{fragment}")
    )


def _items(root: str, items: list[dict[str, Any]], liked: dict[str, dict[str, Any]]) -> str:
    lines = []
    for (uid, kind), group in groupby(items, key=lambda item: (item["id"], "like" in item)):
        grouped = list(group)
        person = f'<a href="{escape(root)}/u/{escape(uid)}">{escape(str(grouped[0].get("name") or ""))}</a>'
        if kind:
            what = [
                _link(root, "/c/" + i["like"]["pId"], liked[i["like"]["pId"]].get("name")) for i in grouped
            ]
            lines.append(f"<li>{person} liked {', '.join(what)}</li>")
        else:
            whom = [_link(root, "/u/" + i["subscription"]["id"], i["subscription"]["name"]) for i in grouped]
            lines.append(f"<li>{person} subscribed to {', '.join(whom)}</li>")
    return f'<ul class="activity">{"".join(lines)}</ul>'


def _link(root: str, path: str, text: Any) -> str:
    return f'<a href="{escape(root + path)}">{escape(str(text or ""))}</a>'
