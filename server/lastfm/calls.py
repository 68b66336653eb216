"""Signed calls to Last.fm's web service, the two the Openwhyd service makes: `auth.getSession`
(connecting an account) and `track.scrobble`.

They block (a worker thread runs them, never the event loop) and never raise: Last.fm out of
reach, too slow or answering something other than JSON gives an `{"error", "message"}` object in
Last.fm's own error shape, as Last.fm's refusals are.
"""

import hashlib
import logging
from typing import Any

import httpx

from server.lastfm.settings import LastFmSettings

log = logging.getLogger(__name__)
UNSIGNED = ("format", "callback")
"""Parameters Last.fm leaves out of the signature."""
UNREACHABLE = 16
"""Last.fm's "temporary error processing your request", for a call that got no usable answer."""


def signature(params: dict[str, str], secret: str) -> str:
    """`api_sig`: md5 of every parameter's name and value, sorted by name, then the secret."""
    signed = "".join(f"{name}{params[name]}" for name in sorted(params) if name not in UNSIGNED)
    return hashlib.md5((signed + secret).encode()).hexdigest()


def _signed(settings: LastFmSettings, params: dict[str, str]) -> dict[str, str]:
    sent = {**params, "api_key": settings.key}
    return {**sent, "api_sig": signature(sent, settings.secret), "format": "json"}


def _endpoint(settings: LastFmSettings) -> str:
    return settings.api.rstrip("/") + "/"


def _answer(method: str, send: Any) -> dict[str, Any]:
    """Last.fm's JSON object, or its error shape when there is none."""
    try:
        reply = send()
        answer = reply.json()
    except (httpx.HTTPError, ValueError) as error:
        log.warning("Last.fm %s failed: %s", method, type(error).__name__)
        return {"error": UNREACHABLE, "message": "Last.fm could not be reached"}
    if not isinstance(answer, dict):
        return {"error": UNREACHABLE, "message": "Last.fm answered something unexpected"}
    return answer


def get_session(settings: LastFmSettings, token: str) -> dict[str, Any]:
    """`{"session": {"name", "key", …}}` for the token Last.fm gave the user, or an error."""
    params = _signed(settings, {"method": "auth.getSession", "token": token})
    return _answer(
        "auth.getSession", lambda: httpx.get(_endpoint(settings), params=params, timeout=settings.timeout)
    )


def scrobble(settings: LastFmSettings, session_key: str, track: dict[str, str]) -> dict[str, Any]:
    """`track.scrobble` of `track` (`artist`, `track`, `timestamp`, `chosenByUser`) for the user
    whose session key this is: Last.fm's answer as it is."""
    params = _signed(settings, {"method": "track.scrobble", "sk": session_key, **track})
    return _answer(
        "track.scrobble", lambda: httpx.post(_endpoint(settings), data=params, timeout=settings.timeout)
    )
