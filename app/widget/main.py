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
    from collections.abc import Callable

    from app.widget.js_types import Json, Script

_callbacks = [0]


def main() -> object:
    """Starts the boot; the page's script need not wait for it (MicroPython keeps the task)."""
    return asyncio.create_task(boot())


async def boot() -> None:
    try:
        settings = Settings(page.query_params(NAMES))
    except SourceError as error:
        page.fail(str(error))
        return
    page.set_theme(settings.theme)
    source = settings.source
    page.set_link("open-app", source.app_location())
    if isinstance(source, HeavyPatch):
        await show_patch(source, settings)
    else:
        await show_list(source, settings)


async def show_list(source: OpenwhydList, settings: Settings) -> None:
    api = page.absolute(settings.api).rstrip("/")
    if not is_web_url(api):
        page.fail("The api parameter must be an http(s) address.")
        return
    reading = asyncio.create_task(read_list(source, api))
    await asyncio.sleep(0)  # the request leaves now and travels while the rest is imported
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


async def read_list(source: OpenwhydList, api: str) -> "Json":
    """The list's JSON, None if it could not be read: by JSONP where Openwhyd offers it, so any
    site's page can read it; hot tracks only where the service allows fetching them."""
    if source.uses_jsonp:
        text = await jsonp(source.data_url, api)
        return json.loads(text) if text else None
    try:
        reply = await fetch(source.data_url(api))
        return (await reply.json()) if reply.ok else None
    except Exception:
        return None


async def jsonp(url_for: "Callable[[str, str], str]", api: str) -> str:
    """Loads `url_for(api, callback)` as a <script> that calls `callback(data)`: the JSON text of
    `data`, or '' if the script failed or did not call back (no such user, no JSONP there)."""
    _callbacks[0] += 1
    name = "tonearm_widget_" + str(_callbacks[0])
    script: Script = document.createElement("script")

    def start(resolve, reject):
        setattr(js.window, name, lambda data: resolve(js.JSON.stringify(data)))
        script.onerror = script.onload = lambda event: resolve("")
        script.src = url_for(api, name)
        document.head.append(script)

    try:
        return await js.Promise.new(start)
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
    page.mark("true")
    if settings.autoplay:
        await player.start()
