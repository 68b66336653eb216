"""A heavy patch's web build in the widget (browser only): the service's own player module
(`heavy-player.js`) runs the patch in an AudioWorklet; Start and Stop resume and suspend it."""

import js
from pyscript import fetch, js_import

from app.widget import page


async def patch_facts(source: object, heavy: str) -> dict:
    """The patch's public attributes (name, description); None when it is private or missing."""
    try:
        reply = await fetch(source.info_url(heavy))
        return (await reply.json())["data"]["attributes"] if reply.ok else None
    except Exception:
        return None


class PatchPlayer:
    def __init__(self, build_url: str) -> None:
        self.build_url = build_url
        self.context = None
        self.patch = None
        self.task = None
        self.button = page.by_id("play")
        self.button.addEventListener("click", self.toggle)
        self.button.disabled = False
        self.level = page.element("meter", id="level", min="0", max="1", value="0", aria_label="Output level")
        page.by_id("controls").append(self.level)
        self._show(False)

    async def start(self) -> None:
        try:
            if self.patch is None:
                await self._load()
            await self.context.resume()
        except Exception:
            page.show_status("This patch's web build could not be started here.")
        self._show(self.context is not None and self.context.state == "running")

    async def _load(self):
        self.context = js.AudioContext.new()
        modules = await js_import(self.build_url + "heavy-player.js")
        self.patch = await modules[0].loadHeavyPatch(self.context, js.URL.new(self.build_url))
        self.patch.node.connect(self.context.destination)
        self.patch.onlevel = self._level

    async def stop(self) -> None:
        await self.context.suspend()
        self.level.value = 0
        self._show(False)

    def toggle(self, event: object = None) -> None:
        import asyncio

        running = self.context is not None and self.context.state == "running"
        self.task = asyncio.create_task(self.stop() if running else self.start())

    def _level(self, level):
        self.level.value = level.peak

    def _show(self, running):
        self.button.setAttribute("aria-label", "Stop" if running else "Start")
        self.button.firstElementChild.className = "icon " + ("stop" if running else "play")
