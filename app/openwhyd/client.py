"""The Openwhyd client: every route the app uses, as async methods that return models.

The wire contract is shared/reference/openwhyd-api.md. Bodies go as JSON, the one encoding
every route parses the same way (§1.2), except where a route reads only the query
(`/api/follow`, `/search`, the lists). Failures raise the types of app/api/errors.py with
the server's message (see replies.py). The paths are paths.py's, which the widget shares. The
session lives in the transport's cookies, so one client is one user.
"""

import asyncio
import hashlib
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from typing import Any

from app.api.client import ServiceClient
from app.api.errors import BadCredentials, BadRequest, NotFound, ServerError
from app.api.transport import Pairs, Transport, UploadFile
from app.openwhyd import paths
from app.openwhyd.models import (
    Comment,
    HotTracks,
    Love,
    Playlist,
    PlaylistRef,
    QuickSearch,
    SearchHit,
    SearchResults,
    Track,
    TrackHit,
    TrackPage,
    UploadedImage,
    User,
    UserRef,
)
from app.openwhyd.notifications import Notification
from app.openwhyd.paging import PageFetcher, Sleep, walk_pages
from app.openwhyd.replies import error_message, read_reply

PAGE_SIZE = 20
"""Openwhyd's default list length; also the fixed length of a likes page."""

AVATAR_SIZE = "180x"
COVER_SIZE = "960x"
"""The thumbnail sizes Openwhyd's own settings page asks `/upload` for (reference §3.10)."""
NO_COVER = "blank"
"""A `cvrImg` containing "blank" removes the cover (reference §3.1)."""


def password_md5(password: str) -> str:
    """What Openwhyd's login form sends instead of the password."""
    return hashlib.md5(password.encode(), usedforsecurity=False).hexdigest()


def _query(**values: Any) -> Pairs:
    """Query pairs in Openwhyd's spelling: None left out, booleans as "true"/"false"."""
    return tuple(
        (key, str(value).lower() if isinstance(value, bool) else str(value))
        for key, value in values.items()
        if value is not None
    )


def _fields(**values: Any) -> dict[str, Any]:
    """A JSON body of the values given (None left out)."""
    return {key: value for key, value in values.items() if value is not None}


def _playlist_field(playlist: PlaylistRef | None, new_playlist: str | None) -> dict | None:
    """A post's `pl`: an existing playlist, or `create` a new one by name."""
    if playlist and new_playlist:
        raise ValueError("give either a playlist or a new playlist name, not both")
    if new_playlist:
        return {"id": "create", "name": new_playlist}
    return playlist.to_json() if playlist else None


def _post_cursor(track: Track) -> str:
    """Where the next page of a list in post order starts: after this post."""
    return track.id


def _playlist_cursor(track: Track) -> str:
    """Where the next playlist page starts: after this `order` once the list is ordered,
    else after this post id (reference §3.3)."""
    return str(track.order) if track.order is not None else track.id


class OpenwhydClient(ServiceClient):
    """`base_url` is where the service is mounted, absolute or relative to the page
    (e.g. `paths.DEFAULT_OPENWHYD`). `page_delay` is the pause between pages when walking a list.
    `public_only`: the transport reaches only Openwhyd's JSONP routes (the app hosted on another
    origin), so profiles are read from those."""

    service = "Openwhyd"
    html_error_statuses = frozenset({400})
    """Openwhyd refuses a malformed or signed-out call with its plain `BAD REQUEST` page."""

    def __init__(
        self,
        base_url: str,
        transport: Transport,
        *,
        page_delay: float = 1.0,
        sleep: Sleep = asyncio.sleep,
        public_only: bool = False,
    ) -> None:
        super().__init__(base_url, transport)
        self.page_delay = page_delay
        self._sleep = sleep
        self.public_only = public_only

    def resource_url(self, path: str | None) -> str | None:
        """Where a path the server gave (an image, a file) is: Openwhyd writes its own resources
        as `/img/…`, relative to its root, which is `base_url` here; full URLs stay as they are."""
        if not path:
            return None
        if path.startswith("/") and not path.startswith("//"):
            return self.base_url + path
        return path

    def user_image_url(self, user_id: str) -> str:
        """The avatar; the server falls back to a blank picture for users without one."""
        return self.base_url + paths.user_image_path(user_id)

    def playlist_image_url(self, user_id: str, playlist_id: int | str, version: int | None = None) -> str:
        """A playlist's picture: the uploaded image, else its first track's, else a 404 the page
        answers with a placeholder. A new `version` after each upload makes it a new address, so
        the browser does not show the picture it cached before."""
        url = self.base_url + paths.playlist_image_path(user_id, playlist_id)
        return f"{url}?v={version}" if version else url

    async def _get(self, path: str, **params: Any) -> Any:
        return read_reply(await self.send("GET", path, params=_query(**params)))

    async def _post(self, path: str, body: dict[str, Any], **reading: Any) -> Any:
        """POST a JSON body; the reply is read by `read_reply` with the `reading` options."""
        return read_reply(await self.send("POST", path, json=body), **reading)

    async def _api_post(self, **fields: Any) -> Any:
        """A `/api/post` action; these all need a session."""
        return await self._post(paths.API_POST, _fields(**fields), needs_login=True)

    async def _api_playlist(self, **fields: Any) -> Any:
        """A `/api/playlist` change; these all need a session."""
        return await self._post(paths.API_PLAYLIST, _fields(**fields), needs_login=True)

    async def _api_user(self, **fields: Any) -> Any:
        return await self._post(paths.API_USER, _fields(**fields))

    async def _follow_action(self, action: str, user_id: str) -> Any:
        """`/api/follow` reads only the query, even on POST."""
        response = await self.send("POST", paths.API_FOLLOW, params=_query(action=action, tId=user_id))
        return read_reply(response)

    # Session

    async def login(self, email_or_handle: str, password: str) -> User:
        """Open a session; the transport keeps its cookie for the calls that follow."""
        reply = await self._post(
            paths.LOGIN,
            {
                "action": "login",
                "ajax": 1,
                "includeUser": 1,
                "email": email_or_handle,
                "md5": password_md5(password),
            },
            failure=BadCredentials,
        )
        if "redirect" not in reply:
            raise BadCredentials()
        return User.from_json(reply["user"]) if "user" in reply else await self.me()

    async def logout(self) -> None:
        """End the session on the server (`GET /logout` alone would not: it is an HTML page)."""
        await self.send("POST", paths.LOGIN, json={"action": "logout", "ajax": 1})

    async def forgot_password(self, email: str) -> str:
        """Ask for a password-reset email; returns the server's confirmation."""
        reply = await self._post(paths.LOGIN, {"action": "forgot", "ajax": 1, "email": email})
        return str(reply.get("ok") or "")

    async def register(self, name: str, email: str, password: str) -> User:
        """Create an account (logged in afterwards). Needs a fresh signup token, fetched first."""
        reply = await self._post(
            paths.REGISTER,
            {
                "name": name,
                "email": email,
                "password": password,
                "sTk": await self._signup_token(),
                "ajax": 1,
                "includeUser": 1,
            },
        )
        return User.from_json(reply["user"]) if "user" in reply else await self.me()

    async def _signup_token(self) -> str:
        """The `sTk` hidden in the jQuery snippet of `/api/signup/rTk/7`."""
        response = await self.send("GET", paths.SIGNUP_TOKEN)
        marker = 'value="'
        start = response.text.find(marker) + len(marker)
        end = response.text.find('"', start)
        if not response.ok or start < len(marker) or end < 0:
            raise ServerError("The server gave no signup token.", response.status)
        return response.text[start:end]

    # Users

    async def me(self) -> User:
        """The logged-in user, with playlists, private fields and subscription counts."""
        return User.from_json(await self._get(paths.API_USER, includeSubscr=True))

    async def user(self, id_or_handle: str) -> User:
        """A public profile with its counts, and whether the logged-in user follows it."""
        if self.public_only:
            return await self._public_user(id_or_handle)
        return User.from_json(
            await self._get(
                paths.API_USER,
                id=id_or_handle,
                includeSubscr=True,
                isSubscr=True,
                countPosts=True,
                countLikes=True,
            )
        )

    async def _public_user(self, id_or_handle: str) -> User:
        """A profile from the JSONP routes alone: `/info` names the user and `/playlists` lists
        their playlists; counts, bio and pictures are not among them (reference §1.5, §3.13)."""
        info = await self._get(paths.info_path(id_or_handle))
        playlists = await self._get(paths.playlists_path(str(info["_id"])), format="json")
        return User.from_json({**info, "pl": playlists})

    async def update_profile(
        self,
        *,
        name: str | None = None,
        handle: str | None = None,
        email: str | None = None,
        bio: str | None = None,
        location: str | None = None,
        image: str | None = None,
        cover_image: str | None = None,
        links: Mapping[str, str] | None = None,
        preferences: Mapping[str, Any] | None = None,
    ) -> User:
        """Change the given fields of one's profile. `image`/`cover_image` are paths from
        `upload_image`; `links` keys are home, fb, tw, sc, yt, igrm."""
        await self._api_user(
            name=name,
            handle=handle,
            email=email,
            bio=bio,
            loc=location,
            img=image,
            cvrImg=cover_image,
            pref=preferences,
            **{f"lnk_{key}": value for key, value in (links or {}).items()},
        )
        return await self.me()

    async def change_password(self, old_password: str, new_password: str) -> None:
        await self._api_user(oldPwd=old_password, pwd=new_password)

    async def set_avatar(self, filename: str, content: bytes, content_type: str) -> User:
        """Upload a picture and make it the profile picture; returns the updated profile."""
        uploaded = await self.upload_image(filename, content, content_type, thumb_sizes=AVATAR_SIZE)
        return await self.update_profile(image=uploaded.path)

    async def set_cover(self, filename: str, content: bytes, content_type: str) -> User:
        """Upload a picture and make it the profile's cover; returns the updated profile."""
        uploaded = await self.upload_image(filename, content, content_type, thumb_sizes=COVER_SIZE)
        return await self.update_profile(cover_image=uploaded.path)

    async def remove_cover(self) -> User:
        return await self.update_profile(cover_image=NO_COVER)

    def lastfm_connect_url(self) -> str:
        """Where connecting Last.fm starts: the service sends the page on to Last.fm's, which
        sends it back to the service with a token (the page then calls its opener's
        `lastFmCallback`)."""
        return self.base_url + paths.LASTFM_CONNECT

    async def disconnect_lastfm(self) -> None:
        """Forget the Last.fm account: Tonearm's service only; the real server has no way to."""
        await self._post(paths.LASTFM_DISCONNECT, {}, needs_login=True)

    async def delete_account(self) -> None:
        """Delete the logged-in user's account for good."""
        await self._api_user(action="delete")

    async def subscriptions(self, user_id: str) -> list[UserRef]:
        """The users `user_id` follows."""
        return [UserRef.from_json(item) for item in await self._user_list(user_id, "subscriptions")]

    async def subscribers(self, user_id: str) -> list[UserRef]:
        """The users who follow `user_id`."""
        return [UserRef.from_json(item) for item in await self._user_list(user_id, "subscribers")]

    async def _user_list(self, user_id: str, action: str) -> list[dict[str, Any]]:
        return await self._get(paths.API_USER, id=user_id, action=action)

    # Posting and acting on tracks

    async def add_track(
        self,
        track_eid: str,
        name: str,
        *,
        text: str = "",
        image: str | None = None,
        playlist: PlaylistRef | None = None,
        new_playlist: str | None = None,
        context: str | None = None,
        source_url: str | None = None,
        source_title: str = "",
    ) -> Track:
        """Post a track, optionally into a playlist or a new one named `new_playlist`."""
        return Track.from_json(
            await self._api_post(
                action="insert",
                eId=track_eid,
                name=name,
                text=text,
                img=image,
                ctx=context,
                src={"id": source_url, "name": source_title} if source_url else None,
                pl=_playlist_field(playlist, new_playlist),
            )
        )

    async def repost(
        self,
        post_id: str,
        *,
        text: str = "",
        playlist: PlaylistRef | None = None,
        new_playlist: str | None = None,
        context: str | None = None,
    ) -> Track:
        """Add someone's track to one's own profile; the copy remembers whose it was."""
        return Track.from_json(
            await self._api_post(
                action="insert",
                pId=post_id,
                text=text,
                ctx=context,
                pl=_playlist_field(playlist, new_playlist),
            )
        )

    async def edit_track(self, track: Track) -> Track:
        """Save an edited track. The whole post is sent: Openwhyd clears what is missing,
        its playlist included (§10.13)."""
        post = track.to_json()
        kept = ("eId", "name", "text", "img", "ctx", "src", "pl")
        return Track.from_json(
            await self._api_post(
                action="insert", _id=track.id, **{key: post[key] for key in kept if key in post}
            )
        )

    async def delete_track(self, post_id: str) -> None:
        await self._api_post(action="delete", _id=post_id)

    async def toggle_love(self, post_id: str) -> Love:
        """Like the track, or unlike it if it was liked."""
        return Love.from_json(await self._api_post(action="toggleLovePost", pId=post_id))

    async def lovers(self, post_id: str) -> list[UserRef]:
        """Who liked the track."""
        return [UserRef.from_json(item) for item in await self._api_post(action="lovers", pId=post_id)]

    async def reposters(self, post_id: str) -> list[UserRef]:
        """Who reposted the track."""
        return [UserRef.from_json(item) for item in await self._api_post(action="reposts", pId=post_id)]

    async def count_play(
        self,
        post_id: str,
        track_eid: str,
        *,
        duration: float | None = None,
        error: Mapping[str, Any] | None = None,
    ) -> None:
        """Log that a track started playing, or, with the player's `error`, that it could
        not (which does not count as a play)."""
        await self._api_post(
            action="incrPlayCounter",
            pId=post_id,
            eId=track_eid,
            duration=duration,
            logData={"err": dict(error)} if error else None,
        )

    async def scrobble(self, post_id: str, *, timestamp: int, duration: float | None = None) -> Any:
        """Send a finished play to Last.fm through Openwhyd; returns Last.fm's answer."""
        return await self._api_post(
            action="scrobble", pId=post_id, timestamp=timestamp, trackDuration=duration
        )

    async def bandcamp_stream(self, track_eid: str) -> str:
        """Where a Bandcamp track (`/bc/<artist>/<track>`) streams from, as Openwhyd finds it on
        the track's page (§3.12). The route answers same-site callers only, which it tells by the
        Referer browsers send, and refuses others with an HTML 400."""
        response = await self.send("GET", paths.BANDCAMP_STREAM, params=_query(eId=track_eid))
        if response.status == 400:
            raise BadRequest("Openwhyd looks Bandcamp streams up for its own pages only", 400)
        reply = read_reply(response)
        stream = reply.get("streamURL") if isinstance(reply, dict) else None
        if not isinstance(stream, str) or not stream:
            raise BadRequest("Openwhyd found no stream for this track")
        return stream

    async def add_comment(self, post_id: str, text: str) -> Comment:
        return Comment.from_json(await self._api_post(action="addComment", pId=post_id, text=text))

    async def delete_comment(self, comment_id: str) -> None:
        """Delete a comment: one's own, or any on one's own track."""
        await self._api_post(action="deleteComment", _id=comment_id)

    async def send_track(self, post_id: str, user_ids: Iterable[str]) -> None:
        """Recommend a track to other users."""
        await self._api_post(action="sendToUsers", pId=post_id, uidList=list(user_ids))

    # Track lists

    async def track(self, post_id: str) -> Track:
        """One track with its comments and reposts."""
        reply = await self._get(paths.post_path(post_id), format="json")
        return Track.from_json(reply["data"])

    async def _track_page(self, path: str, limit: int, **params: Any) -> TrackPage:
        """A profile-style list, which Openwhyd returns with one extra item (§10.4)."""
        reply = await self._get(path, format="json", limit=limit, **params)
        return TrackPage.from_json(reply, limit)

    async def profile_tracks(
        self,
        user: str,
        *,
        limit: int = PAGE_SIZE,
        after: str | None = None,
        before: str | None = None,
    ) -> TrackPage:
        """A user's tracks, newest first. `user` is an id or a handle."""
        return await self._track_page(paths.user_path(user), limit, after=after, before=before)

    async def my_tracks(
        self, *, limit: int = PAGE_SIZE, after: str | None = None, before: str | None = None
    ) -> TrackPage:
        """The logged-in user's own tracks, newest first."""
        return await self._track_page(paths.ME, limit, after=after, before=before)

    async def playlist_tracks(
        self,
        user: str,
        playlist_id: int | str,
        *,
        limit: int = PAGE_SIZE,
        after: str | None = None,
        before: str | None = None,
    ) -> TrackPage:
        """A playlist's tracks in its order. `after`/`before` are post ids, or `order`
        values once the playlist has been reordered."""
        path = paths.playlist_path(user, playlist_id)
        return await self._track_page(path, limit, after=after, before=before)

    async def liked_tracks(self, user: str, *, after: str | None = None) -> TrackPage:
        """The tracks a user liked, latest post first; Openwhyd fixes the page length."""
        return await self._track_page(paths.likes_path(user), PAGE_SIZE, after=after)

    async def user_playlists(self, user: str) -> list[Playlist]:
        """A user's playlists in creation order, with track counts and image URLs."""
        reply = await self._get(paths.playlists_path(user), format="json")
        return [Playlist.from_json(item) for item in reply]

    async def _feed(self, path: str, limit: int, **params: Any) -> TrackPage:
        """A feed trims to `limit` itself, so one more is asked for to learn if there is more."""
        reply = await self._get(path, format="json", limit=limit + 1, **params)
        return TrackPage.from_json(reply, limit)

    async def stream(
        self,
        *,
        user_id: str | None = None,
        limit: int = PAGE_SIZE,
        after: str | None = None,
        before: str | None = None,
    ) -> TrackPage:
        """A home feed (the user's and their followings' tracks): the logged-in user's, or
        `user_id`'s without logging in. Tracks come with comments and reposts."""
        return await self._feed(paths.STREAM, limit, id=user_id, after=after, before=before)

    async def all_tracks(
        self, *, limit: int = PAGE_SIZE, after: str | None = None, before: str | None = None
    ) -> TrackPage:
        """Everyone's latest tracks, reposts left out."""
        return await self._feed(paths.ALL, limit, after=after, before=before)

    async def hot_tracks(
        self,
        *,
        genre: str | None = None,
        skip: int = 0,
        limit: int = PAGE_SIZE,
        since_id: str | None = None,
    ) -> HotTracks:
        """The most posted, reposted and liked tracks of the last days. Openwhyd ignores
        `genre`; it is sent for services that do not."""
        return HotTracks.from_json(
            await self._get(
                paths.hot_path(genre or ""), format="json", skip=skip, limit=limit, sinceId=since_id
            )
        )

    def _walk(
        self, fetch_page: PageFetcher, cursor_of: Callable[[Track], str] = _post_cursor
    ) -> AsyncIterator[Track]:
        return walk_pages(fetch_page, cursor_of, self.page_delay, self._sleep)

    def iter_profile_tracks(self, user: str, *, page_size: int = PAGE_SIZE) -> AsyncIterator[Track]:
        """Every track of a profile, newest first, a page at a time."""
        return self._walk(lambda after: self.profile_tracks(user, limit=page_size, after=after))

    def iter_playlist_tracks(
        self, user: str, playlist_id: int | str, *, page_size: int = PAGE_SIZE
    ) -> AsyncIterator[Track]:
        """Every track of a playlist, in order, a page at a time."""
        return self._walk(
            lambda after: self.playlist_tracks(user, playlist_id, limit=page_size, after=after),
            _playlist_cursor,
        )

    def iter_liked_tracks(self, user: str) -> AsyncIterator[Track]:
        """Every track a user liked, a page at a time."""
        return self._walk(lambda after: self.liked_tracks(user, after=after))

    # Playlists

    async def playlists_by_id(self, global_ids: Iterable[str]) -> list[Playlist]:
        """Playlists from anyone, by `<user id>_<number>` (see `Playlist.global_id`)."""
        params = tuple(("id", global_id) for global_id in global_ids)
        reply = read_reply(await self.send("GET", paths.API_PLAYLIST, params=params))
        return [Playlist.from_json(item) for item in reply]

    async def create_playlist(self, name: str) -> Playlist:
        return Playlist.from_json(await self._api_playlist(action="create", name=name))

    async def rename_playlist(self, playlist_id: int | str, name: str) -> Playlist:
        reply = await self._api_playlist(action="rename", id=playlist_id, name=name)
        if not isinstance(reply, dict):
            raise NotFound("playlist not found")
        return Playlist.from_json(reply)

    async def delete_playlist(self, playlist_id: int | str) -> None:
        """Delete a playlist; its tracks stay on the profile, in no playlist."""
        await self._api_playlist(action="delete", id=playlist_id)

    async def reorder_playlist(self, playlist_id: int | str, post_ids: Iterable[str]) -> None:
        """Put a playlist's tracks in this order."""
        await self._api_playlist(action="setOrder", id=str(playlist_id), order=list(post_ids))

    async def set_playlist_image(self, playlist_id: int | str, image: str) -> Playlist:
        """Use an image from `upload_image` (its `path`) as the playlist's cover."""
        return Playlist.from_json(await self._api_playlist(action="update", id=str(playlist_id), img=image))

    async def send_playlist(self, owner_id: str, playlist_id: int | str, user_ids: Iterable[str]) -> None:
        """Recommend a playlist to other users; Openwhyd names it `<owner>_<n>`."""
        plid = paths.playlist_key(owner_id, playlist_id)
        await self._api_playlist(action="sendToUsers", plId=plid, uidList=list(user_ids))

    # Notifications

    async def notifications(self) -> list[Notification]:
        """The signed-in user's notifications, newest first; none for a visitor (whom the service
        answers with an empty body)."""
        response = await self.send("GET", paths.API_NOTIF)
        if response.status == 200 and not response.text.strip():
            return []
        reply = read_reply(response)
        return [Notification.from_json(item) for item in reply if isinstance(item, dict)]

    async def delete_notification(self, notification_id: str) -> None:
        """Take one notification off the list, by the `pId` it came with."""
        await self._post(paths.API_NOTIF, {"action": "delete", "pId": notification_id})

    async def delete_all_notifications(self) -> None:
        await self._post(paths.API_NOTIF, {"action": "deleteAll"})

    # Following

    async def follow(self, user_id: str) -> None:
        await self._follow_action("insert", user_id)

    async def unfollow(self, user_id: str) -> None:
        await self._follow_action("delete", user_id)

    async def is_following(self, user_id: str) -> bool:
        """Whether the logged-in user follows `user_id`."""
        return "_id" in await self._follow_action("get", user_id)

    async def followers(self, user_id: str, *, skip: int = 0, limit: int = 50) -> list[UserRef]:
        """Who follows `user_id`, latest first; `is_subscribed` tells if oneself does too."""
        follows = await self._follow_list("fetchFollowers", user_id, skip, limit)
        return [UserRef.from_follower(item) for item in follows]

    async def following(self, user_id: str, *, skip: int = 0, limit: int = 50) -> list[UserRef]:
        """Whom `user_id` follows, latest first; `is_subscribed` tells if oneself does too."""
        follows = await self._follow_list("fetchFollowing", user_id, skip, limit)
        return [UserRef.from_followed(item) for item in follows]

    async def _follow_list(self, action: str, user_id: str, skip: int, limit: int) -> list[dict[str, Any]]:
        return await self._get(
            paths.API_FOLLOW, action=action, id=user_id, skip=skip, limit=limit, isSubscr=True
        )

    # Search

    async def search(self, query: str) -> SearchResults:
        """Tracks, playlists and users matching `query`."""
        return SearchResults.from_json(await self._get(paths.SEARCH, q=query, format="json"))

    async def search_tracks_to_add(self, query: str) -> list[TrackHit]:
        """Other users' tracks to add to one's own (up to 5, followed users first)."""
        reply = await self._get(paths.SEARCH, q=query, context="addTrack")
        return [TrackHit.from_json(item) for item in reply]

    async def quick_search(self, query: str) -> QuickSearch:
        """Tracks matching `query`, one's own apart (needs a session)."""
        return QuickSearch.from_json(await self._get(paths.SEARCH, q=query, context="quick"))

    async def search_suggestions(self, query: str) -> tuple[SearchHit, ...]:
        """What the header search box suggests: users, tracks and playlists."""
        reply = await self._get(paths.SEARCH, q=query, context="header", format="json")
        return SearchHit.list_from_json(reply)

    async def search_mentions(self, query: str) -> list[UserRef]:
        """Users to @-mention in a comment, followed ones first."""
        reply = await self._get(paths.SEARCH, q=query, context="mention")
        return [UserRef.from_json(hit) for hit in reply.get("hits", [])]

    async def search_user_tracks(self, user_id: str, query: str) -> list[Track]:
        """One user's tracks matching `query`."""
        reply = await self._get(paths.SEARCH, q=query, uid=user_id)
        return [Track.from_json(post) for post in reply.get("results", [])]

    # Images

    async def upload_image(
        self, filename: str, content: bytes, content_type: str, *, thumb_sizes: str | None = None
    ) -> UploadedImage:
        """Store an image (resized to `thumb_sizes`, e.g. "180x"; Openwhyd's default
        otherwise) for a profile, cover or playlist."""
        form = _query(thumbDims=thumb_sizes)
        reply = read_reply(
            await self.send(
                "POST",
                paths.UPLOAD,
                form=form,
                files=(UploadFile("file", filename, content, content_type),),
            )
        )
        uploaded = reply.get("file") or {}
        if "error" in uploaded:
            raise BadRequest(error_message(uploaded))
        return UploadedImage.from_json(uploaded)

    async def delete_upload(self, path: str) -> None:
        """Delete an image from `upload_image` that ended up unused. (Openwhyd itself never
        answers this; the wait then ends with the transport's timeout.)"""
        await self._post(paths.UPLOAD, {"action": "delete", "id": path})
