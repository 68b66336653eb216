"""Boots the widget (browser only): reads the embed URL, loads what it names, and shows it."""

import asyncio
import json

import js
from pyscript import document, fetch

from app.widget import page
from app.widget.settings import HEAVY, NAMES, Settings
from app.widget.sources import HeavyPatch, OpenwhydList, SourceError
from app.widget.urls import is_web_url

TYPE_CHECKING = False
if TYPE_CHECKING:
    from asyncio import Task
    from collections.abc import Awaitable, Callable, Coroutine

    from app.widget.js_types import Json, Reply, Script

_callbacks = [0]


def main() -> "Task[None] | None":
    """Reads the embed URL and sends the list's request before the page's script ends: the event
    loop turns only after it, so the task that shows the list starts while the request travels."""
    try:
        settings = Settings(page.query_params(NAMES))
    except SourceError as error:
        page.fail(str(error))
        return None
    page.set_theme(settings.theme)
    source = settings.source
    page.set_link("open-app", source.app_location())
    if isinstance(source, HeavyPatch):
        return asyncio.create_task(show_patch(source, settings))
    api = page.absolute(settings.api).rstrip("/")
    if not is_web_url(api):
        page.fail("The api parameter must be an http(s) address.")
        return None
    return asyncio.create_task(show_list(source, settings, api, request_list(source, api)))


async def show_list(
    source: OpenwhydList, settings: Settings, api: str, reading: "Coroutine[object, object, Json]"
) -> None:
    """Imports what shows and plays the list while its request travels."""
    from app.widget.player import Player
    from app.widget.tracks import ListError, heading, next_playable, tracks_from

    reply = await reading
    try:
        if reply is None:
            raise ListError(source.fallback_title() + " could not be loaded from " + api + ".")
        tracks = tracks_from(reply, api)
    except ListError as error:
        page.fail(str(error))
        return
    title, byline = heading(source, tracks)
    images = [track.image for track in tracks if track.image]
    page.show_heading(title, byline, images[0] if images else None)
    page.by_id("tracks").setAttribute("aria-label", "Tracks of " + title)
    player = Player(tracks)
    page.show_tracks(tracks, player.play)
    if not tracks:
        page.show_status("This list has no tracks yet.")
    elif next_playable(tracks, -1, 1) is None:
        page.show_status("None of these tracks plays here: open them in Tonearm.")
    page.mark("true")
    if settings.autoplay:
        player.toggle()


def request_list(source: OpenwhydList, api: str) -> "Coroutine[object, object, Json]":
    """Sends the request for the list now; what it returns awaits the JSON, None if it could not
    be read. By JSONP where Openwhyd offers it, so any site's page can read it; hot tracks only
    where the service allows fetching them."""
    if source.uses_jsonp:
        return _parsed(jsonp(source.data_url, api))
    return _replied(fetch(source.data_url(api)))


async def _parsed(text: "Coroutine[object, object, str]") -> "Json":
    loaded = await text
    return json.loads(loaded) if loaded else None


async def _replied(response: "Awaitable[Reply]") -> "Json":
    try:
        reply = await response
        return (await reply.json()) if reply.ok else None
    except Exception:
        return None


def jsonp(url_for: "Callable[[str, str], str]", api: str) -> "Coroutine[object, object, str]":
    """Loads `url_for(api, callback)` now, as a <script> that calls `callback(data)`; what it
    returns awaits the JSON text of `data`, or '' if the script failed or did not call back (no
    such user, no JSONP there). The request goes first among the page's (`fetchPriority`)."""
    _callbacks[0] += 1
    name = "tonearm_widget_" + str(_callbacks[0])
    script: Script = document.createElement("script")

    def start(resolve, reject):
        setattr(js.window, name, lambda data: resolve(js.JSON.stringify(data)))
        script.onerror = script.onload = lambda event: resolve("")
        script.fetchPriority = "high"
        script.src = url_for(api, name)
        document.head.append(script)

    return _cleared(js.Promise.new(start), script, name)


async def _cleared(loading: "Awaitable[str]", script: "Script", name: str) -> str:
    try:
        return await loading
    finally:
        script.remove()
        js.Reflect.deleteProperty(js.window, name)


async def show_patch(source: HeavyPatch, settings: Settings) -> None:
    from app.widget.patch import PatchPlayer, patch_facts

    heavy = page.absolute(HEAVY).rstrip("/")
    facts = await patch_facts(source, heavy)
    if facts is None:
        page.fail("This patch is not public, or does not exist.")
        return
    title, description = facts.get("name"), facts.get("description")
    page.show_heading(title if isinstance(title, str) and title else source.name, "by " + source.owner, None)
    page.set_text("now-playing", description if isinstance(description, str) else "")
    page.by_id("widget").dataset.kind = "patch"
    for name in ("previous", "next", "seek-row", "tracks"):
        page.by_id(name).hidden = True
    player = PatchPlayer(source.build_url(heavy))
    await player.show_params()
    page.mark("true")
    if settings.autoplay:
        await player.start()
