"""A heavy patch's web build in the widget (browser only): the service's own player module
(`heavy-player.js`) runs the patch in an AudioWorklet; Start and Stop resume and suspend it. Its
`@hv_param`s get the controls the app's player bar gives them (app/player/patch_controls.py),
read from the build's `patch.json` before it starts, so they can be set first."""

import js
from pyscript import fetch, js_import

from app.player.patch_controls import Control, control_for, shown, value_for
from app.widget import page
from app.widget.sources import HeavyPatch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from asyncio import Task

    from app.widget.js_types import AudioContext, Element, JsonObject, Level, Listener, LoadedPatch, Range


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
        self.settings: dict[str, float] = {}
        """The values set on the controls, sent to the patch once it runs."""
        button = page.control("play")
        button.addEventListener("click", self.toggle)
        button.disabled = False
        self.level = page.meter(id="level", min="0", max="1", value="0", aria_label="Output level")
        page.by_id("controls").append(self.level)
        self._show(False)

    async def show_params(self) -> None:
        """A control per parameter of the build; none when its manifest cannot be read."""
        try:
            reply = await fetch(self.build_url + "patch.json")
            params = (await reply.json())["params"] if reply.ok else []
            controls = [
                control_for(str(p["name"]), float(p["min"]), float(p["max"]), float(p["default"]))
                for p in params
            ]
        except Exception:
            return
        for control in controls:
            page.by_id("controls").append(self._param_row(control))

    def _param_row(self, control: Control) -> "Element":
        field, value = "param-" + control.name, shown(control.default)
        step = "any" if control.step is None else shown(control.step)
        slider = page.input_field(id=field, type=control.kind, step=step)
        if control.kind == "range":
            slider.setAttribute("min", shown(control.minimum))
            slider.setAttribute("max", shown(control.maximum))
        slider.setAttribute("value", value)  # after its range, which would clamp it otherwise
        readout = page.element("output", value, id=field + "-value", class_="time")
        slider.addEventListener("input", self._on_input(control, slider, readout))
        row = page.labelled(slider, control.name)
        row.append(readout)
        return row

    def _on_input(self, control: Control, slider: "Range", readout: "Element") -> "Listener":
        def changed(event: object) -> None:
            value = value_for(control, slider.value)
            if value is None:
                return
            self.settings[control.name] = value
            readout.textContent = shown(value)
            if self.patch is not None:
                self.patch.setParam(control.name, value)

        return changed

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
        for name, value in self.settings.items():
            patch.setParam(name, value)
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
