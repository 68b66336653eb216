"""Openwhyd's notifications (`GET /api/notif`, openwhyd-social.md §1.3) and what the app reads from
them: the sentence, where it leads, the picture, and how much it counts in the header's badge.

The sentence is built as Openwhyd's own panel builds it (§1.8), but always as plain text: the
`html` the service stores is tags around escaped text, so it is read back into text, never shown
as markup.
"""

import html
import re
from dataclasses import dataclass
from typing import Any

from app.json_values import as_dict, as_text
from app.openwhyd import paths

SENT_TRACK, SENT_PLAYLIST = "Snt", "Snp"
TAG = re.compile(r"<[^>]*>")
TRACK_LINK = re.compile(r"/c/([0-9a-fA-F]{24})")
PROFILE_LINK = re.compile(r"/u/([^/?#]+)")
PLAYLIST_LINK = re.compile(r"/u/([^/?#]+)/playlist/([0-9]+)")


def plain_text(markup: str) -> str:
    """The text of the service's `<span>`-wrapped, entity-escaped `html`."""
    return html.unescape(TAG.sub("", markup))


def app_link(href: str | None) -> str | None:
    """The app's location for a service path the notification names: a track, a playlist or a
    person; None for anything else."""
    if not href:
        return None
    if track := TRACK_LINK.fullmatch(href):
        return paths.app_track(track.group(1))
    if playlist := PLAYLIST_LINK.fullmatch(href):
        return paths.app_playlist(playlist.group(1), playlist.group(2))
    if person := PROFILE_LINK.fullmatch(href):
        return paths.app_profile(person.group(1))
    return None


@dataclass(frozen=True)
class Notification:
    id: str
    """The `pId` that deletes it: `<post>/loves`, `/u/<uid>`, or the notification's own id."""
    kind: str = ""
    """`Snt` (a track sent to me), `Snp` (a playlist), or "" for every other kind."""
    count: int = 1
    time: str = ""
    author_id: str = ""
    author_name: str = ""
    track_name: str = ""
    markup: str = ""
    href: str = ""
    image: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Notification":
        track, author = as_dict(data.get("track")), as_dict(data.get("lastAuthor"))
        count = data.get("n")
        return cls(
            id=as_text(data.get("pId")),
            kind=as_text(data.get("type")),
            count=count if isinstance(count, int) and not isinstance(count, bool) else 0,
            time=as_text(data.get("t")),
            author_id=as_text(author.get("id")),
            author_name=as_text(author.get("name")),
            track_name=as_text(track.get("name")),
            markup=as_text(data.get("html")),
            href=as_text(data.get("href")),
            image=as_text(data.get("img")),
        )

    @property
    def weight(self) -> int:
        """What it adds to the badge: `n || 1`, as Openwhyd's header counts."""
        return self.count or 1

    @property
    def post_id(self) -> str:
        return self.id.split("/")[0]

    @property
    def text(self) -> str:
        for suffix, verb in (("/reposts", "reposted"), ("/loves", "loved")):
            if suffix in self.id:
                others = f" + {self.count - 1} other people" if self.count > 1 else ""
                return f"{self.author_name}{others} {verb} your track {self.track_name}"
        if self.markup:
            return plain_text(self.markup)
        return f"{self.track_name} subscribed to your stream!"

    @property
    def target(self) -> str | None:
        """Where opening it goes, in the app."""
        if "/reposts" in self.id or "/loves" in self.id:
            return app_link(f"/c/{self.post_id}")
        return app_link(self.href if self.markup else self.id)

    @property
    def picture(self) -> str:
        """A service path: the last author's avatar, else its own image, else the follower's. Openwhyd's
        panel puts the image first, but a track's or playlist's (`/img/post/…`) is a 404 where the
        track has none, while an avatar always answers; the sender is who the line is about."""
        if self.author_id:
            return paths.user_image_path(self.author_id)
        if self.image:
            return self.image
        return "/img" + self.id if self.id.startswith("/u/") else paths.user_image_path(self.post_id)

    @property
    def sent_post_id(self) -> str | None:
        """The post a sent track names."""
        track = TRACK_LINK.fullmatch(self.href) if self.kind == SENT_TRACK else None
        return track and track.group(1)


def badge_count(items: "tuple[Notification, ...] | list[Notification]") -> int:
    return sum(item.weight for item in items)


@dataclass
class Inbox:
    """What the header knows of the signed-in user's notifications between refreshes."""

    items: tuple[Notification, ...] = ()
    open: bool = False

    @property
    def count(self) -> int:
        return badge_count(self.items)

    @property
    def sent(self) -> tuple[Notification, ...]:
        return tuple(item for item in self.items if item.kind in (SENT_TRACK, SENT_PLAYLIST))
