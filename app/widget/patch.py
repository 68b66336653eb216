"""A heavy patch's web build in the widget (browser only): the service's own player module
(`heavy-player.js`) runs the patch in an AudioWorklet; Start and Stop resume and suspend it."""

import js
from pyscript import fetch, js_import

from app.widget import page
from app.widget.sources import HeavyPatch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from asyncio import Task

    from app.widget.js_types import AudioContext, JsonObject, Level, LoadedPatch


async def patch_facts(source: HeavyPatch, heavy: str) -> "JsonObject | None":
    """The patch's public attributes (name, description); None when it is private or missing."""
    try:
        reply = await fetch(source.info_url(heavy))
        return (await reply.json())["data"]["attributes"] if reply.ok else None
    except Exception:
        return None


class PatchPlayer:
    def __init__(self, build_url: str) -> None:
        self.build_url = build_url
        self.context: AudioContext | None = None
        self.patch: LoadedPatch | None = None
        self.task: Task[None] | None = None
        button = page.control("play")
        button.addEventListener("click", self.toggle)
        button.disabled = False
        self.level = page.meter(id="level", min="0", max="1", value="0", aria_label="Output level")
        page.by_id("controls").append(self.level)
        self._show(False)

    async def start(self) -> None:
        try:
            context = self.context
            if self.patch is None or context is None:
                context = await self._load()
            await context.resume()
        except Exception:
            page.show_status("This patch's web build could not be started here.")
        self._show(self._running())

    async def _load(self) -> "AudioContext":
        context: AudioContext = js.AudioContext.new()
        self.context = context
        modules = await js_import(self.build_url + "heavy-player.js")
        patch: LoadedPatch = await modules[0].loadHeavyPatch(context, js.URL.new(self.build_url))
        self.patch = patch
        patch.node.connect(context.destination)
        patch.onlevel = self._level
        return context

    async def stop(self) -> None:
        if self.context is not None:
            await self.context.suspend()
        self.level.value = 0
        self._show(False)

    def toggle(self, event: object = None) -> None:
        import asyncio

        self.task = asyncio.create_task(self.stop() if self._running() else self.start())

    def _running(self) -> bool:
        return self.context is not None and self.context.state == "running"

    def _level(self, level: "Level") -> None:
        self.level.value = level.peak

    def _show(self, running: bool) -> None:
        page.show_button("play", "Stop" if running else "Start", "stop" if running else "play")
