"""A playlist's page as the real `userPlaylistV2.html` lays it out: `.feedHeader` (`div.thumb`
with the playlist's image, `h1` name, `.playlistOwner` linking to the owner), `.postsHeader`
(`a.orderPlaylist` to the track-order page for the owner, `span` "N tracks"), `div.posts` with the
tracks in playlist order (`data-order` on each), a `div.btnLoadMore`, the page's script (with
`window.pagePlaylist` and the neighbouring playlists), and `a.btnBackToPlaylists`. The share
iframes and the script-only buttons (Play all, Edit, Embed) are left out.
"""

from dataclasses import dataclass
from typing import Any

from server.openwhyd.pages import frame
from server.openwhyd.pages.markup import css_url, h, playlist_thumb
from server.openwhyd.pages.paging import LOAD_MORE_BUTTON, Paging, script
from server.openwhyd.pages.post_items import Viewing, items


@dataclass(frozen=True)
class PlaylistPage:
    root: str
    user: dict[str, Any]
    viewer: dict[str, Any] | None
    playlist: dict[str, Any]
    """`{id, name, nbTracks?}`."""
    posts: list[dict[str, Any]]
    paging: Paging
    has_more: bool
    before: bool
    neighbours: tuple[str | None, str | None]
    """The real `prevPageInList` and `nextPageInList`: the playlists before and after this one."""

    @property
    def own(self) -> bool:
        return self.viewer is not None and self.viewer["_id"] == self.user["_id"]

    @property
    def base(self) -> str:
        return f"{self.root}/u/{self.user['_id']}"


def neighbours(
    root: str, uid: str, entries: list[dict[str, Any]], pl_id: Any
) -> tuple[str | None, str | None]:
    """The playlists stored just before and after `pl_id`'s, as links."""
    ids = [entry["id"] for entry in entries]
    at = next((i for i, entry_id in enumerate(ids) if str(entry_id) == str(pl_id)), None)
    if at is None:
        return None, None
    link = f"{root}/u/{uid}/playlist/"
    return (
        link + str(ids[at - 1]) if at > 0 else None,
        link + str(ids[at + 1]) if at + 1 < len(ids) else None,
    )


def fragment(page: PlaylistPage) -> str:
    """The tracks, what an empty playlist says, "Load more" and the script."""
    empty = ""
    if not page.posts and not page.before:
        empty = f'<div class="emptyFeed{" post" if page.own else ""}">No tracks in this playlist yet...</div>'
    prev, after = page.neighbours
    more = {name: value for name, value in (("prevPageInList", prev), ("nextPageInList", after)) if value}
    return (
        items(Viewing.of(page.root, page.viewer, playlist_names=False), page.posts)
        + empty
        + (LOAD_MORE_BUTTON if page.has_more else "")
        + script(page.paging, user=page.user, playlist=page.playlist, **more)
    )


def whole(page: PlaylistPage, url: str) -> str:
    user, pl = page.user, page.playlist
    image = f"{page.root}/img/playlist/{user['_id']}_{pl['id']}"
    face = f"{page.root}/img/u/{user['_id']}?width=100&height=100"
    order = (
        f'<a class="orderPlaylist button" href="{h(page.base)}/playlist/{h(pl["id"])}/edit">Change order</a>'
        if page.own
        else ""
    )
    count = pl.get("nbTracks") or len(page.posts) or "no"
    body = (
        '<div class="container"><div class="feedHeader">'
        f"{playlist_thumb(image)}"
        f"<h1>{h(pl.get('name'))}</h1>"
        f'<div class="playlistOwner"><div style="background-image:url(\'{css_url(face)}\')"></div>'
        f'<p>by <a href="{h(page.base)}">{h(user.get("name"))}</a></p></div></div>'
        f'<div class="postsHeader">{order}<span>{h(count)} tracks</span></div>'
        f'<div class="posts">{fragment(page)}</div>'
        f'<a href="{h(page.base)}/playlists" class="btnBackToPlaylists">See all playlists</a></div>'
    )
    title = (
        "new playlist" if pl["id"] == "create" else f"{pl.get('name') or 'a playlist'} by {user.get('name')}"
    )
    return frame.page(
        frame.Frame(
            root=page.root,
            viewer=page.viewer,
            body_class="userPlaylistV2" + (" ownProfile" if page.own else ""),
            title=title,
            image=image,
            url=url,
        ),
        body,
    )
