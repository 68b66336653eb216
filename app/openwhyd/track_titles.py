"""A title for a track someone is adding by its link, found as Openwhyd finds it (reference §6.3):
in the browser, from the track's own site where it says (YouTube and Dailymotion oEmbed, Vimeo's
api/v2, Deezer's API), else from the link itself (a SoundCloud or Bandcamp address, a file name).

The site is asked through a `Transport`, the one port every request of the app goes through: the
browser's `fetch` in the page (without cookies), canned answers in tests. A site that does not
answer in time, answers what cannot be read, or forbids the page to read it (CORS), leaves the
title the link gives.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlencode

from app.api.errors import ApiError
from app.api.transport import Request, Transport
from app.openwhyd.eid import AUDIO_FILE, BANDCAMP, DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE, split_eid

WAIT = 4.0
"""Seconds the form waits for a site's answer before it makes do with the link's words."""


@dataclass(frozen=True)
class Lookup:
    """Where a site says a track's title, and how to read it from the JSON it answers."""

    url: str
    read: Callable[[Any], str]


def _oembed(site: str, page: str) -> str:
    return f"{site}?{urlencode({'format': 'json', 'url': page})}"


def _deezer_title(data: Any) -> str:
    artist = str(data.get("artist", {}).get("name") or "")
    title = str(data.get("title") or "")
    return f"{artist} - {title}" if artist and title else title


LOOKUPS: dict[str, Callable[[str], Lookup]] = {
    YOUTUBE: lambda ref: Lookup(
        _oembed("https://www.youtube.com/oembed", f"https://www.youtube.com/watch?v={ref}"),
        lambda data: str(data.get("title") or ""),
    ),
    VIMEO: lambda ref: Lookup(
        f"https://vimeo.com/api/v2/video/{ref}.json", lambda data: str(data[0].get("title") or "")
    ),
    DAILYMOTION: lambda ref: Lookup(
        _oembed("https://www.dailymotion.com/services/oembed", f"https://www.dailymotion.com/video/{ref}"),
        lambda data: str(data.get("title") or ""),
    ),
    DEEZER: lambda ref: Lookup(f"https://api.deezer.com/track/{ref}", _deezer_title),
}
"""The sites the browser asks, by source kind, as Openwhyd's dialogs ask them."""


def lookup_for(eid: str) -> Lookup | None:
    parts = split_eid(eid)
    maker = LOOKUPS.get(parts[0]) if parts else None
    return maker(parts[1]) if parts and maker else None


def _words(slug: str) -> str:
    return " ".join(unquote(slug).replace("_", " ").replace("-", " ").split())


def title_from_link(eid: str) -> str:
    """What a link says of its track: "artist words - track words" for SoundCloud and Bandcamp,
    as Openwhyd reads them, a file's name for an audio file; nothing for the other sources."""
    parts = split_eid(eid)
    if parts is None:
        return ""
    kind, ref = parts
    if kind in (SOUNDCLOUD, BANDCAMP) and not ref.startswith("tracks/"):
        artist, track = ref.split("/")[:2]
        return f"{_words(artist)} - {_words(track)}"
    if kind == AUDIO_FILE:
        stem = ref.split("#")[0].split("?")[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return _words(stem).capitalize()
    return ""


class TrackTitles:
    """Suggests titles; with no transport (tests, the app offline by choice) from links only."""

    def __init__(self, transport: Transport | None = None, wait: float = WAIT) -> None:
        self.transport = transport
        self.wait = wait

    async def suggest(self, eid: str) -> str:
        lookup = lookup_for(eid)
        if lookup is not None and self.transport is not None:
            title = " ".join((await ask(self.transport, lookup, self.wait)).split())
            if title:
                return title
        return title_from_link(eid)


async def ask(transport: Transport, lookup: Lookup, wait: float) -> str:
    """The title a site answers; "" when it cannot be had or read."""
    try:
        reply = await transport.send(Request("GET", lookup.url, timeout=wait))
        return lookup.read(reply.json()) if reply.ok else ""
    except (ApiError, ValueError, LookupError, TypeError, AttributeError):
        return ""
