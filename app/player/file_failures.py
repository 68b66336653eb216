"""Why an audio file could not play, in plain words. The media element only says
`MEDIA_ERR_SRC_NOT_SUPPORTED` for a file that is not there as well as for one it cannot decode, so
the adapter asks the file's server (a HEAD request) and a refusal from it tells the real reason."""

from app.openwhyd.eid import AUDIO_FILE
from app.player.events import Failure

MEDIA_ERRORS = {
    1: "the browser stopped fetching the file",
    2: "the network failed while fetching the file",
    3: "the file is damaged, or not audio this browser can decode",
    4: "this browser cannot play the file",
}
"""The media element's `MediaError` codes."""


def media_failure(code: int) -> Failure:
    return Failure(code, AUDIO_FILE, MEDIA_ERRORS.get(code, "the file could not be played"))


def server_failure(status: int | None) -> Failure | None:
    """The failure a HEAD request's answer shows, or None when it shows nothing wrong (or none
    came: another origin that does not allow it, or no network)."""
    if status is None or status < 400:
        return None
    if status in (404, 410):
        reason = f"the file is missing (its server answered {status})"
    elif status in (401, 403):
        reason = f"the file's server does not let it be played here (it answered {status})"
    else:
        reason = f"the file's server could not send it (it answered {status})"
    return Failure(status, AUDIO_FILE, reason)
