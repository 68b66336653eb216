"""The links `build.py bench` measures on: Chromium's network emulation through the DevTools
protocol, applied to a page and to every worker it starts (the service worker included), and the
bytes that came over that link.

A service worker fetches through a loader it gets when it starts, throttled only if the emulation
was already set then: so the page's session attaches to each worker paused on start
(`waitForDebuggerOnStart`), sets the link on it, then lets it run.
"""

import argparse
import json
import math
from dataclasses import dataclass

MEGABIT = 1_000_000 / 8
"""Bytes per second in a Mbit/s."""


@dataclass(frozen=True)
class Link:
    name: str
    down_mbit: float | None
    """None: no emulation (loopback)."""
    up_mbit: float = 0
    latency_ms: float = 0
    run_share: float = 1
    """The share of `--runs` this link takes: slow links cost minutes a run."""

    def runs(self, runs: int) -> int:
        return max(1, math.ceil(runs * self.run_share))

    def describe(self) -> str:
        if self.down_mbit is None:
            return self.name
        return f"{self.name} ({self.down_mbit:g}/{self.up_mbit:g} Mbit/s, {self.latency_ms:g} ms)"

    def conditions(self) -> dict | None:
        """`Network.emulateNetworkConditions`' parameters; latency is added to each request."""
        if self.down_mbit is None:
            return None
        return {
            "offline": False,
            "latency": self.latency_ms,
            "downloadThroughput": self.down_mbit * MEGABIT,
            "uploadThroughput": self.up_mbit * MEGABIT,
        }


LOOPBACK = Link("loopback", None)
LINKS = (
    LOOPBACK,
    Link("20mbit", 20, 5, 40, run_share=1 / 3),
    Link("5mbit", 5, 1, 150, run_share=1 / 5),
)


def link_names(value: str) -> tuple[Link, ...]:
    """`--links loopback,20mbit`: the links to run, in the order given."""
    by_name = {link.name: link for link in LINKS}
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in by_name]
    if unknown or not names:
        known = ", ".join(by_name)
        raise argparse.ArgumentTypeError(f"links are some of {known}, comma-separated: {value!r}")
    return tuple(by_name[name] for name in names)


class Wire:
    """A page's traffic over `link`: the page and the workers it starts go through the link, and
    `received` counts the bytes that came over the network (headers included, as
    `Network.loadingFinished`'s encodedDataLength), not those answered from a cache or by the
    service worker (whose own fetches count where it made them)."""

    def __init__(self, context, page, link: Link) -> None:
        self.received = 0
        self._cached: set[tuple[str, str]] = set()
        self._conditions = link.conditions()
        self._session = context.new_cdp_session(page)
        self._messages = 0
        self._session.on("Network.requestServedFromCache", lambda event: self._from_cache("", event))
        self._session.on("Network.responseReceived", lambda event: self._response("", event))
        self._session.on("Network.loadingFinished", lambda event: self._finished("", event))
        self._session.on("Target.attachedToTarget", self._attached)
        self._session.on("Target.receivedMessageFromTarget", self._from_worker)
        self._session.send("Network.enable")
        if self._conditions:
            self._session.send("Network.emulateNetworkConditions", self._conditions)
        self._session.send(
            "Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False}
        )

    def take(self) -> int:
        """The bytes received since the last call."""
        received, self.received = self.received, 0
        return received

    def _attached(self, event: dict) -> None:
        worker = event["sessionId"]
        self._to_worker(worker, "Network.enable", {})
        if self._conditions:
            self._to_worker(worker, "Network.emulateNetworkConditions", self._conditions)
        self._to_worker(worker, "Runtime.runIfWaitingForDebugger", {})

    def _to_worker(self, worker: str, method: str, params: dict) -> None:
        self._messages += 1
        message = json.dumps({"id": self._messages, "method": method, "params": params})
        self._session.send("Target.sendMessageToTarget", {"sessionId": worker, "message": message})

    def _from_worker(self, event: dict) -> None:
        message = json.loads(event["message"])
        handle = {
            "Network.requestServedFromCache": self._from_cache,
            "Network.responseReceived": self._response,
            "Network.loadingFinished": self._finished,
        }.get(message.get("method", ""))
        if handle:
            handle(event["sessionId"], message["params"])

    def _from_cache(self, origin: str, event: dict) -> None:
        self._cached.add((origin, event["requestId"]))

    def _response(self, origin: str, event: dict) -> None:
        response = event["response"]
        if any(response.get(cache) for cache in ("fromDiskCache", "fromServiceWorker", "fromPrefetchCache")):
            self._cached.add((origin, event["requestId"]))

    def _finished(self, origin: str, event: dict) -> None:
        key = (origin, event["requestId"])
        if key in self._cached:
            self._cached.discard(key)
        else:
            self.received += int(event.get("encodedDataLength", 0))
