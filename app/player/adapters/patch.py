"""heavy patches, from their `web/local` build: the wasm module run by the build's AudioWorklet.

The build's files come through the heavy client (the token stays in a header) and reach the audio
thread without a URL of the service: the module is compiled from its bytes, the worklet script is
added from a blob URL. Every patch plays in one AudioContext, made at the first patch: play and
pause resume and suspend it. A patch never ends and has no duration; it reports how long it has
played. An AnalyserNode after the patch measures the level the player bar's meter shows.

    patch node → analyser → gain (volume) → speakers
"""

import asyncio
from collections.abc import Callable

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js

from app.api.errors import ApiError
from app.heavy.web_build import WebBuild, WebBuildError
from app.player.adapter import Listener
from app.player.events import Failure, Paused, Playing, Progress
from app.player.patch_builds import BuildCache
from app.player.patch_controls import FLOOR_DB, decibels, peak
from app.player.patch_item import PATCH, PatchItem

PROCESSOR = "heavy-patch"  # the name heavy-worklet.js registers
TICK_MS = 100


def _js(value: object) -> object:
    return to_js(value, dict_converter=js.Object.fromEntries)


async def _add_module(context: object, script: str) -> None:
    url = js.URL.createObjectURL(js.Blob.new(_js([script]), _js({"type": "text/javascript"})))
    try:
        await context.audioWorklet.addModule(url)
    finally:
        js.URL.revokeObjectURL(url)


class PatchAdapter:
    def __init__(
        self, builds: BuildCache, clock: Callable[[], float], on_level: Callable[[float], None]
    ) -> None:
        """`on_level` hears the output level in dB while a patch plays, and the floor when it stops."""
        self._builds = builds
        self._clock, self._on_level = clock, on_level
        self._context = None
        self._analyser = None
        self._gain = None
        self._samples = None
        self._worklet: asyncio.Task | None = None
        self._node = None
        self._listener: Listener | None = None
        self._loading: asyncio.Task | None = None
        self._load_number = 0
        self._wanted = False  # play or pause, as last asked; a load in progress follows it
        self._origin = 0.0
        self._ticker = None
        self._volume = (1.0, False)

    async def build(self, url: str) -> WebBuild:
        """The web build at `url`, downloaded once for "Play", which reads its parameters, and here."""
        return await self._builds.load(url)

    def load(self, item: object, listener: Listener) -> None:
        self.stop()
        self._listener, self._wanted = listener, True
        self._load_number += 1
        self._loading = asyncio.ensure_future(self._start(item, self._load_number))

    async def _start(self, item: PatchItem, number: int) -> None:
        try:
            build = await self._builds.load(item.build_url)
            context = self._audio()
            await self._register(context, build.worklet)
            module = await js.WebAssembly.compile(to_js(build.wasm))
        except ApiError as error:
            return self._fail(number, "unavailable", f"its web build is not available here: {error.message}")
        except WebBuildError as error:
            return self._fail(number, "unreadable", str(error))
        except JsException as error:
            return self._fail(number, "browser", f"the browser cannot run its web build: {error.message}")
        if number != self._load_number:
            return
        manifest = {
            **build.manifest,
            "params": [
                {**param, "default": item.settings.get(param["name"], param["default"])}
                for param in build.manifest.get("params", [])
            ],
        }
        outputs = int(manifest.get("outputs", 1))
        self._node = js.AudioWorkletNode.new(
            context,
            PROCESSOR,
            _js(
                {
                    "numberOfInputs": 1 if int(manifest.get("inputs", 0)) > 0 else 0,
                    "numberOfOutputs": 1,
                    "outputChannelCount": [max(1, outputs)],
                    "processorOptions": {"module": module, "manifest": manifest},
                }
            ),
        )
        self._node.connect(self._analyser)
        self._origin = float(context.currentTime)
        if self._wanted:
            self.play()
        else:
            self._report(number, Paused(self._clock()))

    def _audio(self) -> object:
        """The one AudioContext, with the analyser and the volume behind every patch."""
        if self._context is None:
            context = js.AudioContext.new()
            self._analyser, self._gain = context.createAnalyser(), context.createGain()
            self._analyser.connect(self._gain)
            self._gain.connect(context.destination)
            self._samples = js.Float32Array.new(self._analyser.fftSize)
            self._context = context
            self._apply_volume()
        return self._context

    async def _register(self, context: object, script: str) -> None:
        """Add the processor once per context; loads that overlap wait for the same addition."""
        if self._worklet is None:
            self._worklet = asyncio.ensure_future(_add_module(context, script))
        try:
            await asyncio.shield(self._worklet)
        except JsException:
            self._worklet = None  # try again at the next load
            raise

    def _fail(self, number: int, code: str, message: str) -> None:
        self._report(number, Failure(code, PATCH, message.rstrip(".")))

    def _report(self, number: int, event: object) -> None:
        if number == self._load_number and self._listener is not None:
            self._listener(event)

    def play(self) -> None:
        self._wanted = True
        if self._node is None:
            return
        number = self._load_number
        self._context.resume().then(create_once_callable(lambda _: self._resumed(number)))

    def _resumed(self, number: int) -> None:
        if number != self._load_number or self._node is None or not self._wanted:
            return
        self._start_ticking()
        self._report(number, Playing(self._clock()))

    def pause(self) -> None:
        self._wanted = False
        if self._node is None:
            return
        self._stop_ticking()
        number = self._load_number
        paused = create_once_callable(lambda _: self._report(number, Paused(self._clock())))
        self._context.suspend().then(paused)

    def seek(self, seconds: float) -> None:
        """A patch has no timeline to move along."""

    def set_volume(self, volume: float, muted: bool) -> None:
        self._volume = (volume, muted)
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self._gain is not None:
            volume, muted = self._volume
            self._gain.gain.value = 0.0 if muted else volume

    def set_param(self, name: str, value: float) -> None:
        """Send a value to the running patch's `@hv_param` `name`."""
        if self._node is not None:
            self._node.port.postMessage(_js({"name": name, "value": value}))

    def stop(self) -> None:
        self._load_number += 1
        self._listener, self._wanted = None, False
        self._stop_ticking()
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
        if self._node is not None:
            self._node.disconnect()
            self._node.port.close()
            self._node = None
            self._context.suspend()

    def _start_ticking(self) -> None:
        if self._ticker is None:
            proxy = create_proxy(self._tick)
            self._ticker = (js.setInterval(proxy, TICK_MS), proxy)

    def _stop_ticking(self) -> None:
        if self._ticker is not None:
            handle, proxy = self._ticker
            js.clearInterval(handle)
            proxy.destroy()
            self._ticker = None
        self._on_level(FLOOR_DB)

    def _tick(self) -> None:
        self._analyser.getFloatTimeDomainData(self._samples)
        self._on_level(decibels(peak(self._samples.to_py())))
        elapsed = float(self._context.currentTime) - self._origin
        self._report(self._load_number, Progress(self._clock(), max(0.0, elapsed)))
