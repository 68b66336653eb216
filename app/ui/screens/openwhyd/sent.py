"""Sent to you: the tracks and playlists people sent (Openwhyd keeps them only as notifications,
§1.8: it has no inbox), newest first. The tracks make one list that plays as a queue; each
playlist links to its page. A track deleted since it was sent is left out."""

import asyncio

from app.api.errors import ApiError, NotFound
from app.openwhyd.models import Track
from app.openwhyd.notifications import SENT_PLAYLIST, Notification
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, sign_in_first
from app.ui.core.state import AppState
from app.ui.core.templates import render

TITLE = "Sent to you · Tonearm"
LIST_KEY = "sent"


async def _tracks(state: AppState, sent: list[Notification]) -> tuple[list[Track], list[str]]:
    """The sent tracks that still exist, and who sent each."""
    wanted = [(item.sent_post_id, item.author_name) for item in sent if item.sent_post_id]
    fetched = [state.services.openwhyd.track(pid) for pid, _ in wanted]
    found = await asyncio.gather(*fetched, return_exceptions=True)
    for failure in found:
        if isinstance(failure, BaseException) and not isinstance(failure, NotFound):
            raise failure
    kept = [
        (track, sender) for track, (_, sender) in zip(found, wanted, strict=True) if isinstance(track, Track)
    ]
    return [track for track, _ in kept], [f"from {sender or 'someone'}" for _, sender in kept]


async def show(match: Match, state: AppState) -> Screen:
    if state.session.openwhyd_user is None:
        reason = "Sign in to find the tracks and playlists people sent you."
        return sign_in_first(TITLE, "Sent to you", href("sent"), reason)
    try:
        sent = [item for item in await state.services.openwhyd.notifications() if item.kind]
        tracks, senders = await _tracks(state, sent)
    except ApiError as error:
        return load_failed(TITLE, "What was sent to you could not be loaded", error.message)
    state.lists[LIST_KEY] = tuple(tracks)
    playlists = [item for item in sent if item.kind == SENT_PLAYLIST and item.target]
    markup = render(
        "sent.html",
        tracks=tracks,
        extra=senders,
        list_key=LIST_KEY,
        playlists=playlists,
        viewer=state.viewer(),
    )
    return Screen(TITLE, markup)
