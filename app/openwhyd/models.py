"""Openwhyd's documents as typed, immutable values.

Every `from_json` reads the server's shapes (shared/reference/openwhyd-api.md §4) tolerantly:
optional fields may be missing or null, and legacy data may hold strings where ints belong.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Self

from app.json_values import as_dict, as_list
from app.openwhyd.paths import playlist_key, playlist_owner, user_path

JsonDict = dict[str, Any]


def _optional_int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _int(value: Any) -> int:
    return _optional_int(value) or 0


def _optional_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "", "null") else str(value)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def playlist_number(value: Any) -> int | str:
    """A user-local playlist id: an int, or the legacy string it was stored as."""
    if isinstance(value, int) or (isinstance(value, str) and value.isdecimal()):
        return int(value)
    return str(value)


def object_id_time(object_id: str) -> datetime | None:
    """When a Mongo ObjectId was made: its first 4 bytes are a Unix time."""
    try:
        return datetime.fromtimestamp(int(object_id[:8], 16), UTC)
    except (ValueError, TypeError, OverflowError, OSError):
        return None


@dataclass(frozen=True)
class PlaylistRef:
    """The playlist a post is in, as the post stores it (`pl`)."""

    id: int | str
    name: str = ""

    @classmethod
    def from_json(cls, data: Any) -> Self | None:
        data = as_dict(data)
        if data.get("id") in (None, "", "null"):
            return None
        return cls(id=playlist_number(data["id"]), name=_str(data.get("name")))

    def to_json(self) -> JsonDict:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Source:
    """The page a track was found on (`src`), e.g. by the bookmarklet."""

    url: str
    title: str = ""

    @classmethod
    def from_json(cls, data: Any) -> Self | None:
        data = as_dict(data)
        if not data.get("id"):
            return None
        return cls(url=str(data["id"]), title=_str(data.get("name")))

    def to_json(self) -> JsonDict:
        return {"id": self.url, "name": self.title}


@dataclass(frozen=True)
class RepostOf:
    """The post a repost copies (`repost`), and that post's author."""

    post_id: str
    user_id: str
    user_name: str = ""

    @classmethod
    def from_json(cls, data: Any) -> Self | None:
        data = as_dict(data)
        if not data.get("pId"):
            return None
        return cls(str(data["pId"]), _str(data.get("uId")), _str(data.get("uNm")))

    def to_json(self) -> JsonDict:
        return {"pId": self.post_id, "uId": self.user_id, "uNm": self.user_name}


@dataclass(frozen=True)
class UserRef:
    """Another user as lists name them: lovers, reposters, subscribers, followers."""

    id: str
    name: str = ""
    bio: str | None = None
    is_subscribed: bool | None = None

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        """From `{id, name, bio?, subscribed}` (user lists) or `{_id, name}` (search)."""
        subscribed = data.get("subscribed", data.get("isSubscribing", data.get("isSubscribed")))
        return cls(
            id=str(data.get("id") or data.get("_id") or ""),
            name=_str(data.get("name")),
            bio=_optional_str(data.get("bio")),
            is_subscribed=_optional_bool(subscribed),
        )

    @classmethod
    def from_follower(cls, data: JsonDict) -> Self:
        """From a `fetchFollowers` item: the follow's `uId`/`uNm` side."""
        return cls.from_json({**data, "id": data.get("uId"), "name": data.get("uNm")})

    @classmethod
    def from_followed(cls, data: JsonDict) -> Self:
        """From a `fetchFollowing` item: the follow's `tId`/`tNm` side."""
        return cls.from_json({**data, "id": data.get("tId"), "name": data.get("tNm")})


@dataclass(frozen=True)
class Comment:
    id: str
    post_id: str
    user_id: str
    user_name: str
    text: str

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        return cls(
            id=_str(data.get("_id")),
            post_id=_str(data.get("pId")),
            user_id=_str(data.get("uId")),
            user_name=_str(data.get("uNm")),
            text=_str(data.get("text")),
        )

    @property
    def posted_at(self) -> datetime | None:
        return object_id_time(self.id)


@dataclass(frozen=True)
class Track:
    """One post: a track someone shared (the API calls it a post; the app calls it a track)."""

    id: str
    eid: str
    name: str = ""
    user_id: str = ""
    user_name: str = ""
    text: str = ""
    image: str | None = None
    source: Source | None = None
    context: str | None = None
    playlist: PlaylistRef | None = None
    repost_of: RepostOf | None = None
    lovers: tuple[str, ...] = ()
    play_count: int = 0
    repost_count: int = 0
    order: int | None = None
    comments: tuple[Comment, ...] = ()
    reposted_by: tuple[UserRef, ...] = ()

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        """From a post document, plus the read-time `comments`/`reposts` of feeds and `/c/:id`."""
        return cls(
            id=str(data.get("_id") or data.get("id") or ""),
            eid=_str(data.get("eId")),
            name=_str(data.get("name")),
            user_id=_str(data.get("uId")),
            user_name=_str(data.get("uNm")),
            text=_str(data.get("text")),
            image=_optional_str(data.get("img")),
            source=Source.from_json(data.get("src")),
            context=_optional_str(data.get("ctx")),
            playlist=PlaylistRef.from_json(data.get("pl")),
            repost_of=RepostOf.from_json(data.get("repost")),
            lovers=tuple(str(uid) for uid in as_list(data.get("lov"))),
            play_count=_int(data.get("nbP")),
            repost_count=_int(data.get("nbR")),
            order=_optional_int(data.get("order")),
            comments=tuple(Comment.from_json(c) for c in as_list(data.get("comments"))),
            reposted_by=tuple(UserRef.from_json(r) for r in as_list(data.get("reposts"))),
        )

    def to_json(self) -> JsonDict:
        """The post document as Openwhyd stores and exports it; zero counts and empty fields
        are left out, as on a fresh post."""
        optional = {
            "ctx": self.context,
            "img": self.image,
            "src": self.source and self.source.to_json(),
            "pl": self.playlist and self.playlist.to_json(),
            "repost": self.repost_of and self.repost_of.to_json(),
            "nbP": self.play_count,
            "nbR": self.repost_count,
            "order": self.order,
        }
        return {
            "_id": self.id,
            "uId": self.user_id,
            "uNm": self.user_name,
            "text": self.text,
            "name": self.name,
            "eId": self.eid,
            **{key: value for key, value in optional.items() if value},
            "lov": list(self.lovers),
        }

    @property
    def posted_at(self) -> datetime | None:
        return object_id_time(self.id)

    def is_loved_by(self, user_id: str) -> bool:
        return user_id in self.lovers


@dataclass(frozen=True)
class Playlist:
    """A user's playlist. `id` is its number within the user; `global_id` is `<uid>_<n>`."""

    id: int | str
    name: str = ""
    user_id: str | None = None
    user_name: str | None = None
    track_count: int | None = None
    image: str | None = None

    @classmethod
    def from_json(cls, data: JsonDict, user_id: str | None = None) -> Self:
        """From a user's `pl` entry, a `/playlists` item, or an `/api/playlist` item.

        The owner comes from `uId`, else from the `/u/<uid>/playlist/<n>` URL, else `user_id`.
        """
        owner = playlist_owner(_str(data.get("url"))) or user_id
        return cls(
            id=playlist_number(data["plId"] if "plId" in data else data.get("id")),
            name=_str(data.get("name")),
            user_id=_optional_str(data.get("uId")) or owner,
            user_name=_optional_str(data.get("uNm")),
            track_count=_optional_int(data.get("nbTracks")),
            image=_optional_str(data.get("img")),
        )

    @property
    def global_id(self) -> str | None:
        return playlist_key(self.user_id, self.id) if self.user_id else None

    @property
    def ref(self) -> PlaylistRef:
        """What a post stores to be in this playlist."""
        return PlaylistRef(self.id, self.name)


@dataclass(frozen=True)
class User:
    """A user's profile; the private fields (`email`, `preferences`) only for oneself."""

    id: str
    name: str = ""
    handle: str | None = None
    email: str | None = None
    image: str | None = None
    cover_image: str | None = None
    bio: str = ""
    location: str = ""
    links: Mapping[str, str] = field(default_factory=dict)
    playlists: tuple[Playlist, ...] = ()
    preferences: Mapping[str, Any] = field(default_factory=dict)
    lastfm_user: str | None = None
    subscription_count: int | None = None
    subscriber_count: int | None = None
    post_count: int | None = None
    like_count: int | None = None
    is_subscribed: bool | None = None

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        user_id = str(data.get("_id") or data.get("id") or "")
        subscribed = data.get("isSubscribing", data.get("isSubscribed"))
        return cls(
            id=user_id,
            name=_str(data.get("name")),
            handle=_optional_str(data.get("handle")),
            email=_optional_str(data.get("email")),
            image=_optional_str(data.get("img")),
            cover_image=_optional_str(data.get("cvrImg")),
            bio=_str(data.get("bio")),
            location=_str(data.get("loc")),
            links={key: str(value) for key, value in as_dict(data.get("lnk")).items() if value},
            playlists=tuple(Playlist.from_json(pl, user_id) for pl in as_list(data.get("pl"))),
            preferences=as_dict(data.get("pref")),
            lastfm_user=_optional_str(as_dict(data.get("lastFm")).get("name")),
            subscription_count=_optional_int(data.get("nbSubscriptions")),
            subscriber_count=_optional_int(data.get("nbSubscribers")),
            post_count=_optional_int(data.get("nbPosts")),
            like_count=_optional_int(data.get("nbLikes")),
            is_subscribed=_optional_bool(subscribed),
        )

    @property
    def path(self) -> str:
        """The profile's address on Openwhyd: `/<handle>`, or `/u/<id>` without a handle."""
        return user_path(self.handle or self.id)


@dataclass(frozen=True)
class TrackPage:
    """One page of a track list, and whether the server has more after it."""

    tracks: tuple[Track, ...]
    has_more: bool

    @classmethod
    def from_json(cls, items: list[JsonDict], limit: int) -> Self:
        """From a list fetched with one item more than `limit`: the extra one only says
        that there is more."""
        tracks = tuple(Track.from_json(item) for item in items)
        return cls(tracks=tracks[:limit], has_more=len(tracks) > limit)


@dataclass(frozen=True)
class HotTrack:
    """A track of `/hot`, ranked by `score` = posts + reposts + loves over the last days.

    Its `nbR` counts posts and reposts together, so it goes to `post_count`, not to the
    track's `repost_count`."""

    track: Track
    score: int
    post_count: int
    love_count: int

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        return cls(
            track=Track.from_json({key: value for key, value in data.items() if key != "nbR"}),
            score=_int(data.get("score")),
            post_count=_int(data.get("nbR")),
            love_count=_int(data.get("nbL")),
        )


@dataclass(frozen=True)
class HotTracks:
    tracks: tuple[HotTrack, ...]
    next_skip: int | None

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        more = data.get("hasMore")
        return cls(
            tracks=tuple(HotTrack.from_json(item) for item in as_list(data.get("tracks"))),
            next_skip=_optional_int(more.get("skip")) if isinstance(more, dict) else None,
        )


@dataclass(frozen=True)
class Love:
    """The state of a like after toggling it."""

    loved: bool
    lover_count: int

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        return cls(loved=bool(data.get("loved")), lover_count=_int(data.get("lovers")))


@dataclass(frozen=True)
class TrackHit:
    """A track found by a search, with its relevance."""

    track: Track
    url: str | None
    score: float

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        return cls(
            track=Track.from_json(data),
            url=_optional_str(data.get("url")),
            score=float(data.get("score") or 0),
        )


@dataclass(frozen=True)
class QuickSearch:
    """The logged-in quick search: one's own posts apart from everyone else's."""

    query: str
    mine: tuple[TrackHit, ...]
    others: tuple[TrackHit, ...]

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        results = as_dict(data.get("results"))
        return cls(
            query=_str(data.get("q")),
            mine=tuple(TrackHit.from_json(hit) for hit in as_list(results.get("myPosts"))),
            others=tuple(TrackHit.from_json(hit) for hit in as_list(results.get("theirPosts"))),
        )


def _numbered(hit: JsonDict) -> JsonDict:
    """A playlist search hit's `id` is the global `<uid>_<n>`; its number is in `_id` (§3.9)."""
    return {**hit, "plId": hit["_id"]} if "_id" in hit else hit


@dataclass(frozen=True)
class SearchResults:
    """The main search: tracks, playlists and users whose names match."""

    query: str
    tracks: tuple[Track, ...]
    playlists: tuple[Playlist, ...]
    users: tuple[UserRef, ...]

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        results = as_dict(data.get("results"))
        return cls(
            query=_str(data.get("q")),
            tracks=tuple(Track.from_json(post) for post in as_list(results.get("posts"))),
            playlists=tuple(Playlist.from_json(_numbered(pl)) for pl in as_list(results.get("playlists"))),
            users=tuple(UserRef.from_json(user) for user in as_list(results.get("users"))),
        )


@dataclass(frozen=True)
class SearchHit:
    """One suggestion of the header search box: a user, a track or a playlist."""

    kind: str
    id: str
    name: str
    url: str | None = None
    image: str | None = None
    is_subscribed: bool | None = None

    KINDS = ("user", "post", "playlist")

    @classmethod
    def list_from_json(cls, data: JsonDict) -> tuple[Self, ...]:
        results = as_dict(data.get("results"))
        return tuple(
            cls(
                kind=kind,
                id=str(hit.get("id") or hit.get("_id") or ""),
                name=_str(hit.get("name")),
                url=_optional_str(hit.get("url")),
                image=_optional_str(hit.get("img")),
                is_subscribed=_optional_bool(hit.get("isSubscribed")),
            )
            for kind in cls.KINDS
            for hit in as_list(results.get(kind))
        )


@dataclass(frozen=True)
class UploadedImage:
    """An image stored by `/upload`: pass `path` on as a user's `img`/`cvrImg` or a
    playlist's `img`."""

    path: str
    mime: str
    thumbs: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: JsonDict) -> Self:
        return cls(
            path=_str(data.get("path")),
            mime=_str(data.get("mime")),
            thumbs={str(k): str(v) for k, v in as_dict(data.get("thumbs")).items()},
        )
