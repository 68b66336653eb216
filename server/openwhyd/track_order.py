"""The HTML of the track-order page (reference §4): a playlist's tracks to put in order and save.

The real page's hooks and values (`div.posts > div.post[data-pid][data-time]` with its `img` and
`h2`, `#playlistTrackOrderSubmit`, `window.uId`/`window.plId`), with our own script in place of
jQuery UI's: it reads the ids from the container's data attributes rather than from an inline
script, so the page runs under a policy that forbids inline scripts.
"""

from html import escape
from typing import Any

from server.openwhyd import html
from server.openwhyd.ids import id_time
from server.openwhyd.pages.post_items import cover

TITLE = "set order"
BODY_CLASS = "pgPlaylistOrder"
SCRIPT = "/js/track-order.js"
STYLE = "/css/track-order.css"


def _post(root: str, post: dict[str, Any]) -> str:
    return (
        f'<div class="post" data-pid="{escape(post["_id"])}" data-time="{id_time(post["_id"]) * 1000}">'
        f'<img src="{escape(cover(root, post))}" alt=""><h2>{escape(str(post.get("name") or "-"))}</h2></div>'
    )


def page(root: str, uid: str, pl_id: str, posts: list[dict[str, Any]]) -> str:
    """The whole page; `pl_id` is the playlist's id as the URL gave it."""
    back = f"{root}/u/{uid}/playlist/{pl_id}"
    items = "".join(_post(root, post) for post in posts)
    ids = f'data-root="{escape(root)}" data-uid="{escape(uid)}" data-plid="{escape(pl_id)}"'
    body = (
        f'<div class="container" {ids}>'
        '<div class="feedHeader"><span id="trackOrderHelp">Drag &amp; drop tracks to set their order</span>'
        '<input type="button" id="playlistTrackOrderSubmit" class="greenButton" value="Save">'
        f'<a class="cancelTrackOrder" href="{escape(back)}">Cancel</a></div>'
        '<p class="trackOrderStatus" role="status"></p>'
        f'<div class="posts" aria-describedby="trackOrderHelp">{items}</div></div>'
    )
    head = (
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<link rel="stylesheet" href="{escape(root + STYLE)}">'
        f'<script src="{escape(root + SCRIPT)}" defer></script>'
    )
    return html.page(TITLE, body, head=head, body_class=BODY_CLASS)


def message(text: str) -> str:
    """The page chrome around a refusal ("what the hell are you doing here, mate?")."""
    return html.page(TITLE, f'<div class="container"><p>{escape(text)}</p></div>', body_class=BODY_CLASS)
