"""Who follows a user, and whom they follow: one screen per list, 50 people a page, each with a
Follow button (or "This is you"), from `/api/follow`'s paged lists (reference §3.2)."""

from dataclasses import dataclass

from app.api.errors import ApiError, NotFound
from app.openwhyd.models import User, UserRef
from app.ui.components.feedback import announce
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, not_found
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

PAGE = 50
SUBSCRIBERS, SUBSCRIPTIONS = "profile-subscribers", "profile-subscriptions"


def skip_of(match: Match) -> int:
    """Where the page starts: `?skip=` as a whole number of people, else the first page."""
    raw = match.query.get("skip", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else 0


async def people(state: AppState, user: User, following: bool, skip: int) -> tuple[list[UserRef], bool]:
    """A page of the list, and whether another follows it."""
    client = state.services.openwhyd
    fetch = client.following if following else client.followers
    found = await fetch(user.id, skip=skip, limit=PAGE + 1)
    return found[:PAGE], len(found) > PAGE


async def show(match: Match, state: AppState) -> Screen:
    handle, following = match.params["user"], match.name == SUBSCRIPTIONS
    skip = skip_of(match)
    try:
        user = await state.services.openwhyd.user(handle)
        listed, more = await people(state, user, following, skip)
    except NotFound:
        return not_found(match.path)
    except ApiError as error:
        return load_failed(f"{handle} · Tonearm", "This list could not be loaded", error.message)
    heading = f"{user.name} follows" if following else f"Subscribers of {user.name}"
    markup = render(
        "followers.html",
        user=user,
        handle=handle,
        heading=heading,
        tab=match.name,
        people=listed,
        me=state.session.openwhyd_user,
        previous=_page_href(handle, match.name, max(skip - PAGE, 0)) if skip else None,
        next=_page_href(handle, match.name, skip + PAGE) if more else None,
        first=skip + 1,
    )
    return Screen(f"{heading} · Tonearm", markup)


def _page_href(handle: str, tab: str, skip: int) -> str:
    """The `#/…` of another page of the same list."""
    return href(tab, {"skip": str(skip)} if skip else None, user=handle)


@dataclass(frozen=True)
class Person:
    """Whom a Follow button is about: their id and name."""

    user: str
    name: str = ""


async def follow(app: App, person: Person) -> None:
    await app.state.services.openwhyd.follow(person.user)
    await _changed(app, person, f"You follow {person.name}.")


async def unfollow(app: App, person: Person) -> None:
    await app.state.services.openwhyd.unfollow(person.user)
    await _changed(app, person, f"You no longer follow {person.name}.")


async def _changed(app: App, person: Person, said: str) -> None:
    """The list again with the new counts, focus back on the button that was pressed."""
    await app.refresh()
    app.page.focus(f"follow-{person.user}")
    announce(app, said)


ACTIONS: Actions = {"follow": Action(follow, Person), "unfollow": Action(unfollow, Person)}
