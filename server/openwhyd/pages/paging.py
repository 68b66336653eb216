"""How the real pages lead to the next page of a list.

A profile tab ends with `a.btnLoadMore` whose `href` is `nextWholePageUrl`: the page's own URL
(`/u/<id>…`, never the handle) as an absolute URL with `after=<last>&wholePage=true` appended, so
from the second page on it carries `after` twice, which the server refuses (400). The stream, hot
tracks and playlist pages end with `div.btnLoadMore` instead, a button for script. Every list page
then sets `window.nextPageUrl` (and `window.prevPageUrl`, `window.pageUser`, `window.pagePlaylist`)
in an inline script; the real one calls the client's `makeUrl`, which appends `after=<last>` to the
URL in the address bar; ours writes the resulting URL itself, with this page's `after` replaced,
which is what the first page's address bar gives.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from server.openwhyd.pages.markup import h, js_string
from server.openwhyd.responses import dumps


@dataclass(frozen=True)
class Address:
    """An absolute URL split as the pages rework it."""

    origin: str
    path: str
    """With the mount prefix."""
    query: str

    def _url(self, pairs: list[tuple[str, str]]) -> str:
        return f"{self.origin}{self.path}" + (f"?{urlencode(pairs)}" if pairs else "")

    def appended(self, *pairs: tuple[str, str]) -> str:
        """The real `populateNextPageUrl`: `searchParams.append` on the page's own URL."""
        return self._url([*parse_qsl(self.query, keep_blank_values=True), *pairs])

    def with_param(self, name: str, value: Any) -> str:
        kept = [(key, val) for key, val in parse_qsl(self.query, keep_blank_values=True) if key != name]
        return self._url([*kept, (name, str(value))])


@dataclass(frozen=True)
class Paging:
    """Where the page's links and script lead."""

    next_whole_page: str | None = None
    next_page: str | None = None
    prev_page: str | None = None


def load_more_link(url: str) -> str:
    """A profile tab's no-script "Load more"."""
    return f'<a class="btnLoadMore" href="{h(url)}"><span>Load more</span></a>'


LOAD_MORE_BUTTON = '<div class="btnLoadMore"><span>Load more</span></div>'
"""The stream's, a playlist's and hot tracks' "Load more", which only script makes work."""


def _named(variable: str, key: Any, name: Any) -> str:
    return f"window.{variable} = {{ id: '{h(key)}', name: '{js_string(name)}' }};"


def script(
    paging: Paging, user: dict[str, Any] | None = None, playlist: dict[str, Any] | None = None, **more: str
) -> str:
    """The inline script of the real list pages, with the values it sets: names as the real one
    writes them (slashed, then as entities), URLs as JSON strings, `<` escaped."""
    lines = []
    if user is not None:
        lines.append(_named("pageUser", user["_id"], user.get("name")))
    if paging.next_page:
        lines.append(f"window.nextPageUrl = {dumps(paging.next_page)};")
    if paging.prev_page:
        lines.append(f"window.prevPageUrl = {dumps(paging.prev_page)};")
    if playlist is not None:
        lines.append(_named("pagePlaylist", playlist.get("id"), playlist.get("name")))
    lines += [f"window.{name} = {dumps(value)};" for name, value in more.items()]
    return f"<script>{''.join(lines)}</script>" if lines else ""
