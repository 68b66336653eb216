"""The web builds of the patches played lately, downloaded once each.

"Play" reads a build's parameters before it queues the patch, and the patch adapter then plays the
same bytes; the download goes through the heavy client, which carries the token in a header.
"""

from collections import OrderedDict
from typing import Protocol

from app.heavy.web_build import WebBuild, read_web_build


class Downloader(Protocol):
    async def download(self, url: str) -> bytes: ...


class BuildCache:
    def __init__(self, client: Downloader, keep: int = 3) -> None:
        self._client = client
        self._keep = keep
        self._builds: OrderedDict[str, WebBuild] = OrderedDict()

    async def load(self, url: str) -> WebBuild:
        """The build at `url`; the client's ApiError or WebBuildError when there is none to play."""
        if url in self._builds:
            self._builds.move_to_end(url)
            return self._builds[url]
        build = read_web_build(await self._client.download(url))
        self._builds[url] = build
        while len(self._builds) > self._keep:
            self._builds.popitem(last=False)
        return build
