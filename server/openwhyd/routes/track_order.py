"""`GET /u/{uId}/playlist/{plId}/edit` (reference §4), the track-order page."""

from starlette.responses import Response

from server.openwhyd import html, track_order
from server.openwhyd.params import js_int, text
from server.openwhyd.responses import html_response
from server.openwhyd.store import posts
from server.openwhyd.store.posts import Page
from server.openwhyd.web import Call

MAX_TRACKS = 1000
NO_IDS = "what the hell are you trying to do?"
NOT_YOURS = "what the hell are you doing here, mate?"


def page(call: Call) -> Response:
    """The logged-in owner's tracks of the playlist, in playlist order (up to 1001, as the real
    page lists them); its existence is not checked, so an unknown one lists nothing."""
    uid, pl_id = text(call.params.get("uId")), text(call.params.get("plId"))
    if not uid or not pl_id:
        return html_response(track_order.message(NO_IDS))
    if call.user is None:
        return html_response(html.login(call.root))
    if uid != call.uid:
        return html_response(track_order.message(NOT_YOURS))
    number = js_int(pl_id)
    listed = [] if number is None else posts.in_playlist(call.db, uid, number, Page(MAX_TRACKS + 1))
    return html_response(track_order.page(call.root, uid, pl_id, listed))
