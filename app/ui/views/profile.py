"""A user's profile: who they are, and their tracks, playlists or likes, one tab at a time."""

from app.api.errors import ApiError, NotFound
from app.api.openwhyd import OpenwhydClient
from app.models import User
from app.ui.app import Action, App
from app.ui.router import Match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render

TABS = (("Tracks", "profile"), ("Playlists", "profile-playlists"), ("Likes", "profile-likes"))
PAGE = 50


def safe_links(user: User) -> dict[str, str]:
    """Only web links: a profile link is text the user typed, and `javascript:` is text too."""
    return {name: url for name, url in user.links.items() if url.startswith(("https://", "http://"))}


async def tab_content(client: OpenwhydClient, match: Match, user: User) -> dict:
    if match.name == "profile-playlists":
        return {"playlists": await client.user_playlists(user.id)}
    after = match.query.get("after")
    if match.name == "profile-likes":
        page = await client.liked_tracks(user.id, after=after)
    else:
        page = await client.profile_tracks(user.id, limit=PAGE, after=after)
    more = {"after": page.tracks[-1].id} if page.has_more and page.tracks else None
    return {"tracks": page.tracks, "more": more}


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd
    try:
        user = await client.user(match.params["user"])
        content = await tab_content(client, match, user)
    except NotFound:
        return Screen("Not found · Tonearm", render("not_found.html", path=match.path))
    except ApiError as error:
        failure = render("list_error.html", title="This profile could not be loaded", message=error.message)
        return Screen(f"{match.params['user']} · Tonearm", failure)
    list_key = f"{match.name}:{user.id}"
    state.lists[list_key] = content.get("tracks", ())
    me = state.session.openwhyd_user
    markup = render(
        "profile.html", user=user, avatar=client.user_image_url(user.id), links=safe_links(user),
        tabs=TABS, tab=match.name, list_key=list_key, me=me, handle=match.params["user"], **content,
    )
    return Screen(f"{user.name} · Tonearm", markup)


async def follow(app: App, data: dict[str, str]) -> None:
    await app.state.services.openwhyd.follow(data["user"])
    await app.refresh()


async def unfollow(app: App, data: dict[str, str]) -> None:
    await app.state.services.openwhyd.unfollow(data["user"])
    await app.refresh()


ACTIONS: dict[str, Action] = {"follow": follow, "unfollow": unfollow}
