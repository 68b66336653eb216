"""Last.fm (openwhyd-social §5): connecting an account, the scrobble `/api/post` passes on, and what
the real server lacks, a way to disconnect.

The connect flow: the settings page opens `/api/lastFm/connect` in a popup, which redirects to
Last.fm's auth page with `cb=<origin><root>/api/lastFm`; Last.fm sends the user back there with a
`token`, which a signed `auth.getSession` turns into the session key stored on the user as
`lastFm {sk, name}`. The real settings page links to the auth page with the key written into its
template; here the key lives only in the service's settings, so the page needs a route that knows
it. At `/api/lastFm/connect` and `/api/lastFm/disconnect` the real server runs the same
controller, which with no token never answers.

The pages the popup ends on call `window.opener.lastFmCallback()`, as the real failure page does,
but from a script file of this service rather than inline: a page served under a
Content-Security-Policy without 'unsafe-inline' runs it too.
"""

from html import escape
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from server.lastfm import calls
from server.openwhyd import html
from server.openwhyd.responses import empty, html_response, json_response, redirect, text_response
from server.openwhyd.store import users
from server.openwhyd.web import Call

FAILED = "Unable to connect openwhyd to last.fm. Please try again!"
NOT_SET_UP = "Last.fm is not set up on this server."
CALLBACK_SCRIPT = "/js/lastFmCallback.js"
CALLBACK = "if (window.opener && window.opener.lastFmCallback) window.opener.lastFmCallback();\n"
"""What every page the popup ends on runs: the opener (the settings page) updates itself."""
SCROBBLE_FAILED = "unable to scrobble track"


def _ending(call: Call, text: str, status: int = 200) -> Response:
    """A page the popup ends on: `text`, then the opener's callback."""
    return html_response(
        f'{escape(text)}<script src="{escape(call.root)}{CALLBACK_SCRIPT}"></script>', status
    )


def callback_script(call: Call) -> Response:
    return text_response(CALLBACK, media_type="text/javascript; charset=utf-8")


def connected(call: Call) -> Response:
    """`GET|POST /api/lastFm?token=`: query and path only, as the real controller reads them.

    The real server stores the session, then crashes rendering its success page (its `render()`
    reads `session` inside that constant's own initialiser, a ReferenceError), so its popup never
    loads; this one answers the page the real one meant to. With no token the real one hangs;
    this one answers its failure page. Without Last.fm's key and secret, the real server answers
    404 with an empty body, as here."""
    settings = call.service.settings.lastfm
    if not settings.configured:
        return empty(404)
    if call.user is None:
        return html_response(html.login(call.root))
    token = call.params.get("token")
    if not isinstance(token, str) or not token:
        return _ending(call, FAILED)
    answer = calls.get_session(settings, token)
    session = answer.get("session")
    if not isinstance(session, dict) or not session.get("key") or not isinstance(session.get("name"), str):
        return _ending(call, FAILED)
    with call.service.store.write() as db:
        users.update(db, call.my_id, {"lastFm": {"sk": session["key"], "name": session["name"]}})
    return _ending(call, f"Your last.fm account {session['name']} is now connected to openwhyd.")


def connect(call: Call) -> Response:
    """`GET /api/lastFm/connect`: to Last.fm's auth page, which sends the user back to `/api/lastFm`."""
    if call.user is None:
        return html_response(html.login(call.root))
    settings = call.service.settings.lastfm
    if not settings.configured:
        return html_response(html.message("Last.fm", NOT_SET_UP))
    back = f"{call.origin}{call.root}/api/lastFm"
    return redirect(
        f"{settings.auth_page.rstrip('/')}/?{urlencode({'api_key': settings.key, 'cb': back})}", 302
    )


def disconnect(call: Call) -> Response:
    """`POST /api/lastFm/disconnect`: forgets the session key (the real server never does; its
    "Disconnect" link only opens the auth page again)."""
    if call.user is None:
        return json_response({"error": "user not logged in"})
    if call.method != "POST":
        return json_response({"error": "please send this action with POST"})
    with call.service.store.write() as db:
        users.update(db, call.my_id, {"lastFm": None})
    return json_response({"ok": 1})


def scrobble(call: Call, post: dict[str, Any], timestamp: Any) -> dict[str, Any]:
    """The signed `track.scrobble` of `post` for the signed-in user, Last.fm's answer as it is.

    The title splits on " - " into artist and track, the rest dropped; `chosenByUser` says whether
    the listener posted it. The duration the client sends is not passed on, as in the real one."""
    lastfm = call.me.get("lastFm")
    session_key = lastfm.get("sk") if isinstance(lastfm, dict) else None
    parts = str(post.get("name") or "").split(" - ")
    settings = call.service.settings.lastfm
    if not isinstance(session_key, str) or not session_key or len(parts) < 2 or not settings.configured:
        return {"error": SCROBBLE_FAILED}
    track = {
        "artist": parts[0],
        "track": parts[1],
        "timestamp": str(timestamp if isinstance(timestamp, (str, int)) else int(call.now)),
        "chosenByUser": "true" if post.get("uId") == call.my_id else "false",
    }
    return calls.scrobble(settings, session_key, track)
