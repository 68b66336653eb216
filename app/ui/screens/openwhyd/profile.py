"""A user's profile: who they are, and their tracks, playlists or likes, one tab at a time."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.api.errors import ApiError, BadRequest, NotFound
from app.openwhyd.account_forms import LINK_SITES
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import User
from app.ui.components import export_menu, long_list
from app.ui.components.embed_snippet import embed_code
from app.ui.components.feedback import announce, refuse
from app.ui.components.paged_list import Chunk, Fetch
from app.ui.core.app import App
from app.ui.core.payloads import form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, not_found
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

TABS = (("Tracks", "profile"), ("Playlists", "profile-playlists"), ("Likes", "profile-likes"))
PAGE = 50
EXPORTS = {"profile": ("profile", "tracks"), "profile-likes": ("likes", "likes")}
"""The tabs whose lists export: the export's source, and the word that ends the file's name."""
CREATE_FORM = "create-playlist"
SITE_NAMES = dict(LINK_SITES)


def link_label(site: str, url: str) -> str:
    """A website by its host ("example.com"), another site by its name ("SoundCloud")."""
    if site == "home":
        host = urlsplit(url).hostname or url
        return host.removeprefix("www.")
    return SITE_NAMES.get(site, site)


def safe_links(user: User) -> list[tuple[str, str]]:
    """Only web links, labelled: a profile link is text the user typed, and `javascript:` is text too."""
    return [
        (link_label(site, url), url)
        for site, url in user.links.items()
        if url.startswith(("https://", "http://"))
    ]


def tab_fetch(client: OpenwhydClient, tab: str, user: User) -> Fetch:
    """How a tab's list loads, page by page; Openwhyd fixes the length of a page of likes."""

    async def likes(cursor: str | None, size: int) -> Chunk:
        return long_list.chunk_of(await client.liked_tracks(user.id, after=cursor))

    async def posts(cursor: str | None, size: int) -> Chunk:
        return long_list.chunk_of(await client.profile_tracks(user.id, limit=size, after=cursor))

    return likes if tab == "profile-likes" else posts


async def tab_content(client: OpenwhydClient, match: Match, user: User) -> dict:
    if match.name == "profile-playlists":
        return {"playlists": await client.user_playlists(user.id)}
    fetch = tab_fetch(client, match.name, user)
    return {"first": await fetch(match.query.get("after"), PAGE), "fetch": fetch}


async def show(match: Match, state: AppState) -> Screen:
    client, handle = state.services.openwhyd, match.params["user"]
    try:
        user = await client.user(handle)
        content = await tab_content(client, match, user)
    except NotFound:
        return not_found(match.path)
    except ApiError as error:
        title = f"{match.params['user']} · Tonearm"
        return load_failed(title, "This profile could not be loaded", error.message)
    list_key = f"{match.name}:{user.id}"
    first, fetch = content.pop("first", None), content.pop("fetch", None)
    tracks = first.tracks if first else ()
    state.lists[list_key] = tracks
    rows = long_list.start(state, list_key, "Tracks", first, fetch, PAGE) if tracks else None
    me = state.session.openwhyd_user
    source, word = EXPORTS.get(match.name, ("", ""))
    markup = render(
        "profile.html",
        user=user,
        avatar=client.resource_url(user.image) or client.user_image_url(user.id),
        cover=client.resource_url(user.cover_image),
        links=safe_links(user),
        tabs=TABS,
        tab=match.name,
        list_key=list_key,
        me=me,
        handle=handle,
        export=export_menu.menu(source, f"{user.name} {word}", user.id) if source else None,
        embed=embed_code(state.config, handle, likes=match.name == "profile-likes", title=user.name),
        create_notice=state.take_notice(CREATE_FORM),
        tracks=tracks,
        rows=rows,
        **content,
    )
    return Screen(f"{user.name} · Tonearm", markup)


@dataclass(frozen=True)
class Person:
    """The user a Follow button is about, by id."""

    user: str


@dataclass(frozen=True)
class NewPlaylist:
    name: str = ""


async def follow(app: App, person: Person) -> None:
    await app.state.services.openwhyd.follow(person.user)
    await app.refresh()


async def unfollow(app: App, person: Person) -> None:
    await app.state.services.openwhyd.unfollow(person.user)
    await app.refresh()


async def create_playlist(app: App, form: NewPlaylist) -> None:
    name = form.name.strip()
    try:
        me = app.state.session.openwhyd_me()
        if not name:
            raise BadRequest("Name the playlist first.")
        playlist = await app.state.services.openwhyd.create_playlist(name)
    except ApiError as error:
        await refuse(app, CREATE_FORM, error, form_values(form))
        return
    app.go(href("playlist", user=profile_name(me), n=str(playlist.id)))
    announce(app, f"The playlist {name} is created.")


ACTIONS: Actions = {
    "follow": Action(follow, Person),
    "unfollow": Action(unfollow, Person),
    "create-playlist": Action(create_playlist, NewPlaylist, form=CREATE_FORM),
    **export_menu.ACTIONS,
}
