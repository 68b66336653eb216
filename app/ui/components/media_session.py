"""What the operating system's media controls and lock screen show of the item playing (through
the `MediaSession` port): its title and artist, split from Openwhyd's "Artist - Title" names,
its picture or a cover made from its name, and where playback is, so the system's seek bar moves."""

import hashlib
from html import escape
from urllib.parse import quote

from app.player.controller import Change
from app.ui.core.app import App

SEPARATORS = (" - ", " \u2013 ", " \u2014 ")
"""How Openwhyd's names part the artist from the title ("Daft Punk - Around the World"), with a
hyphen, an en dash or an em dash."""


def artist_and_title(name: str, poster: str) -> tuple[str, str]:
    """The artist and the title of a track named `name`; the poster stands in for an artist the
    name does not give."""
    for separator in SEPARATORS:
        artist, found, title = name.partition(separator)
        if found and artist.strip() and title.strip():
            return artist.strip(), title.strip()
    return poster, name


def cover(name: str) -> str:
    """A square picture for an item without one: its initial on a colour drawn from its name, as
    a `data:` URL (nothing to fetch)."""
    hue = int(hashlib.sha256(name.encode()).hexdigest()[:4], 16) % 360
    initial = (name.strip()[:1] or "♪").upper()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" fill="hsl({hue} 45% 35%)"/>'
        '<text x="256" y="256" dy=".35em" text-anchor="middle" font-family="sans-serif" '
        f'font-size="280" fill="#fff">{escape(initial)}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


def now_playing(app: App) -> dict[str, str] | None:
    """What the system shows of the current item; None when nothing is current."""
    current = app.state.player.current
    if current is None:
        return None
    item = current.item
    name = getattr(item, "name", "") or "Untitled"
    artist, title = artist_and_title(name, getattr(item, "user_name", ""))
    artwork = app.state.services.openwhyd.resource_url(getattr(item, "image", None))
    return {"title": title, "artist": artist, "album": "Tonearm", "artwork": artwork or cover(name)}


def show_media(app: App, change: Change) -> None:
    """Tell the system about a change of the player: where playback is, and after anything but
    progress, what plays and whether it does."""
    player, media = app.state.player, app.ports.media
    if change is Change.ALL:
        media.show_now_playing(now_playing(app), player.playing)
    media.show_position(player.position, player.duration)
