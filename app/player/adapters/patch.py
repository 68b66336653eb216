"""heavy patches, from their `web/local` build: the wasm module run by the build's AudioWorklet.

The build's files come through the heavy client (the token stays in a header) and reach the audio
thread without a URL of the service: the module is compiled from its bytes, the worklet script is
added from a blob URL. Every patch plays in one AudioContext, made at the first patch: play and
pause resume and suspend it. A patch never ends and has no duration; it reports how long it has
played. An AnalyserNode after the patch measures the level the player bar's meter shows.

    patch node → analyser → gain (volume) → speakers
"""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js

from app.api.errors import ApiError
from app.heavy.web_build import WebBuild, WebBuildError
from app.player.adapter import Listener
from app.player.events import Failure, Paused, PlayerEvent, Playing, Progress
from app.player.js_types import Promise, Proxy
from app.player.patch_builds import BuildCache
from app.player.patch_controls import FLOOR_DB, decibels, peak
from app.player.patch_item import PATCH, PatchItem

PROCESSOR = "heavy-patch"  # the name heavy-worklet.js registers
TICK_MS = 100


class AudioNode(Protocol):
    def connect(self, destination: "AudioNode") -> object: ...


class Samples(Protocol):
    """A Float32Array, which the analyser fills."""

    def to_py(self) -> Iterable[float]: ...


class AnalyserNode(AudioNode, Protocol):
    fftSize: int

    def getFloatTimeDomainData(self, samples: Samples) -> None: ...


class AudioParam(Protocol):
    value: float


class GainNode(AudioNode, Protocol):
    gain: AudioParam


class MessagePort(Protocol):
    def postMessage(self, message: object) -> None: ...

    def close(self) -> None: ...


class WorkletNode(AudioNode, Protocol):
    """An AudioWorkletNode: the patch, running in the audio thread."""

    port: MessagePort

    def disconnect(self) -> None: ...


class AudioWorklet(Protocol):
    def addModule(self, url: str) -> Awaitable[None]: ...


class AudioContext(Protocol):
    currentTime: float
    audioWorklet: AudioWorklet
    destination: AudioNode

    def createAnalyser(self) -> AnalyserNode: ...

    def createGain(self) -> GainNode: ...

    def resume(self) -> Promise: ...

    def suspend(self) -> Promise: ...


@dataclass(frozen=True)
class Output:
    """The one AudioContext, made at the first patch, and what every patch plays through: the
    analyser whose level the meter shows (read into `samples`), then the volume."""

    context: AudioContext
    analyser: AnalyserNode
    gain: GainNode
    samples: Samples


@dataclass(frozen=True)
class Loaded:
    """A patch running in the output, from the context's time `origin` on."""

    node: WorkletNode
    output: Output
    origin: float


def _js(value: object) -> object:
    return to_js(value, dict_converter=js.Object.fromEntries)


async def _add_module(context: AudioContext, script: str) -> None:
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
        self._output: Output | None = None
        self._worklet: asyncio.Task | None = None
        self._loaded: Loaded | None = None
        self._listener: Listener | None = None
        self._loading: asyncio.Task | None = None
        self._load_number = 0
        self._wanted = False  # play or pause, as last asked; a load in progress follows it
        self._ticker: tuple[int, Proxy] | None = None
        self._volume = (1.0, False)

    async def build(self, url: str) -> WebBuild:
        """The web build at `url`, downloaded once for "Play", which reads its parameters, and here."""
        return await self._builds.load(url)

    def load(self, item: PatchItem, listener: Listener) -> None:
        self.stop()
        self._listener, self._wanted = listener, True
        self._load_number += 1
        self._loading = asyncio.ensure_future(self._start(item, self._load_number))

    async def _start(self, item: PatchItem, number: int) -> None:
        try:
            build = await self._builds.load(item.build_url)
            output = self._audio()
            await self._register(output.context, build.worklet)
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
        node: WorkletNode = js.AudioWorkletNode.new(
            output.context,
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
        node.connect(output.analyser)
        self._loaded = Loaded(node, output, float(output.context.currentTime))
        if self._wanted:
            self.play()
        else:
            self._report(number, Paused(self._clock()))

    def _audio(self) -> Output:
        """The output, made with the first patch."""
        if self._output is None:
            context: AudioContext = js.AudioContext.new()
            analyser, gain = context.createAnalyser(), context.createGain()
            analyser.connect(gain)
            gain.connect(context.destination)
            self._output = Output(context, analyser, gain, js.Float32Array.new(analyser.fftSize))
            self._apply_volume()
        return self._output

    async def _register(self, context: AudioContext, script: str) -> None:
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

    def _report(self, number: int, event: PlayerEvent) -> None:
        if number == self._load_number and self._listener is not None:
            self._listener(event)

    def play(self) -> None:
        self._wanted = True
        if self._loaded is None:
            return
        number = self._load_number
        self._loaded.output.context.resume().then(create_once_callable(lambda _: self._resumed(number)))

    def _resumed(self, number: int) -> None:
        loaded = self._loaded
        if number != self._load_number or loaded is None or not self._wanted:
            return
        self._start_ticking(loaded)
        self._report(number, Playing(self._clock()))

    def pause(self) -> None:
        self._wanted = False
        if self._loaded is None:
            return
        self._stop_ticking()
        number = self._load_number
        paused = create_once_callable(lambda _: self._report(number, Paused(self._clock())))
        self._loaded.output.context.suspend().then(paused)

    def seek(self, seconds: float) -> None:
        """A patch has no timeline to move along."""

    def set_volume(self, volume: float, muted: bool) -> None:
        self._volume = (volume, muted)
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self._output is not None:
            volume, muted = self._volume
            self._output.gain.gain.value = 0.0 if muted else volume

    def set_param(self, name: str, value: float) -> None:
        """Send a value to the running patch's `@hv_param` `name`."""
        if self._loaded is not None:
            self._loaded.node.port.postMessage(_js({"name": name, "value": value}))

    def stop(self) -> None:
        self._load_number += 1
        self._listener, self._wanted = None, False
        self._stop_ticking()
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
        if self._loaded is not None:
            node, context = self._loaded.node, self._loaded.output.context
            node.disconnect()
            node.port.close()
            self._loaded = None
            context.suspend()

    def _start_ticking(self, loaded: Loaded) -> None:
        """Ticks of the patch loaded now: ticking stops before another one loads."""
        if self._ticker is None:
            proxy = create_proxy(lambda: self._tick(loaded))
            self._ticker = (js.setInterval(proxy, TICK_MS), proxy)

    def _stop_ticking(self) -> None:
        if self._ticker is not None:
            handle, proxy = self._ticker
            js.clearInterval(handle)
            proxy.destroy()
            self._ticker = None
        self._on_level(FLOOR_DB)

    def _tick(self, loaded: Loaded) -> None:
        output = loaded.output
        output.analyser.getFloatTimeDomainData(output.samples)
        self._on_level(decibels(peak(output.samples.to_py())))
        elapsed = float(output.context.currentTime) - loaded.origin
        self._report(self._load_number, Progress(self._clock(), max(0.0, elapsed)))
