"""What Tonearm knows of each third-party player: where its script is, how an eId names the media
in it, and what its states and error codes mean. Pure, so CPython tests cover it; the adapters in
`app/player/adapters/` do the talking (reference §7 tells how Openwhyd's own player did).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from app.config import PLACEHOLDER_ID
from app.openwhyd.eid import DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE, split_eid, url_from_eid
from app.player.events import Ended, Failure, Paused, PlayerEvent, Playing
from app.player.sources import SOURCE_NAMES


@dataclass(frozen=True)
class VendorScript:
    """A player's script. It is usable once `ready_hook`, the callback on `window` it calls when
    it is set up (a dotted path), was called, or, without one, once it loaded; then its
    `ready_global` must be there."""

    kind: str
    url: str
    ready_global: str
    ready_hook: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return SOURCE_NAMES[self.kind]


def dailymotion_script(player_id: str) -> VendorScript:
    return VendorScript(
        DAILYMOTION,
        f"https://geo.dailymotion.com/libs/player/{player_id}.js",
        "dailymotion",
        ("dailymotion", "onScriptLoaded"),
    )


SCRIPTS = {
    YOUTUBE: VendorScript(YOUTUBE, "https://www.youtube.com/iframe_api", "YT", ("onYouTubeIframeAPIReady",)),
    SOUNDCLOUD: VendorScript(SOUNDCLOUD, "https://w.soundcloud.com/player/api.js", "SC"),
    VIMEO: VendorScript(VIMEO, "https://player.vimeo.com/api/player.js", "Vimeo"),
    DAILYMOTION: dailymotion_script(PLACEHOLDER_ID),
    DEEZER: VendorScript(DEEZER, "https://e-cdns-files.dzcdn.net/js/min/dz.js", "DZ", ("dzAsyncInit",)),
}
"""Every third-party script Tonearm may load, by source kind: the one place their URLs are."""

SOUNDCLOUD_WIDGET = "https://w.soundcloud.com/player/"


def reference(eid: str) -> str:
    """The id the source's player knows the media by: `XdJVWSqb4Ck` for `/yt/XdJVWSqb4Ck`."""
    parts = split_eid(eid)
    if parts is None:
        raise ValueError(f"not a track id: {eid!r}")
    return parts[1]


SOUNDCLOUD_LOAD_OPTIONS = {"auto_play": False, "visual": False}
"""The widget's parameters, for its first track (in its address) and the ones it loads after. It
does not start by itself: the adapter starts it once it is ready."""


def soundcloud_widget_url(eid: str) -> str:
    """The widget iframe's address for a SoundCloud track (`tracks/<n>` ids go through
    api.soundcloud.com)."""
    parameters = {name: str(value).lower() for name, value in SOUNDCLOUD_LOAD_OPTIONS.items()}
    return f"{SOUNDCLOUD_WIDGET}?{urlencode({'url': url_from_eid(eid) or '', **parameters})}"


YOUTUBE_ENDED, YOUTUBE_PLAYING, YOUTUBE_PAUSED = 0, 1, 2
"""`YT.PlayerState` values; the others (unstarted, buffering, cued) change nothing here."""


def youtube_event(state: int, at: float, duration: float | None) -> PlayerEvent | None:
    """What a YouTube state change means to the player, if anything."""
    if state == YOUTUBE_PLAYING:
        return Playing(at, duration)
    if state == YOUTUBE_PAUSED:
        return Paused(at)
    if state == YOUTUBE_ENDED:
        return Ended(at)
    return None


def known_duration(seconds: float | None) -> float | None:
    """A duration as players report it, or None for what they say when they do not know yet (0)."""
    return seconds if seconds is not None and seconds > 0 else None


YOUTUBE_ERRORS = {
    2: "the video id is not valid",
    5: "YouTube's player cannot play this video in this browser",
    100: "the video was removed or made private",
    101: "the video's owner does not allow it to play outside YouTube",
    150: "the video's owner does not allow it to play outside YouTube",
    153: "YouTube refused the player because the page sent no referrer",
}
"""The `onError` codes of the YouTube IFrame API."""

VIMEO_ERRORS = {
    "NotFoundError": "the video does not exist",
    "PasswordError": "the video is protected by a password",
    "PrivacyError": "the video's privacy settings do not allow it to play here",
    "UnsupportedError": "Vimeo's player is not supported by this browser",
}
"""Names of the errors the Vimeo player rejects with or reports."""

DAILYMOTION_ERRORS = {
    "DM001": "no video was given",
    "DM002": "the video was deleted",
    "DM003": "the live stream is not available",
    "DM004": "the video is blocked for copyright",
    "DM005": "the video was rejected by Dailymotion",
    "DM006": "the publisher does not allow the video to play here",
    "DM007": "the video is not available in this country",
    "DM008": "the video is for adults only",
    "DM009": "the video is private",
}
"""The `playerError` codes of Dailymotion's player."""


def youtube_failure(code: int) -> Failure:
    return Failure(code, YOUTUBE, YOUTUBE_ERRORS.get(code, f"YouTube reported error {code}"))


def vimeo_failure(name: str, message: str = "") -> Failure:
    """Vimeo names its errors; its own message is the fallback for names this table lacks."""
    return Failure(name, VIMEO, VIMEO_ERRORS.get(name) or message or "Vimeo could not play the video")


def dailymotion_failure(code: str, message: str = "") -> Failure:
    found = DAILYMOTION_ERRORS.get(code) or message or "Dailymotion could not play the video"
    return Failure(code, DAILYMOTION, found)


SOUNDCLOUD_FAILURE = Failure(
    "error", SOUNDCLOUD, "SoundCloud could not play the track (removed, private, or not allowed here)"
)
"""The widget's `error` event says nothing more."""
DEEZER_UNAVAILABLE = Failure("unavailable", DEEZER, "Deezer has no playable track with this id")


def script_failure(script: VendorScript, problem: str) -> Failure:
    return Failure("script", script.kind, f"the {script.name} player could not be loaded ({problem})")


def percent(volume: float, muted: bool = False) -> int:
    """A 0 to 1 volume as the 0 to 100 the SoundCloud, YouTube and Deezer players take."""
    return 0 if muted else round(min(1.0, max(0.0, volume)) * 100)


def deezer_seek(seconds: float, duration: float | None) -> float | None:
    """Deezer seeks to a percentage of the track; None when the duration is not known yet."""
    if not duration:
        return None
    return min(100.0, max(0.0, seconds / duration * 100))
