"""The stream, `/all` and hot tracks, as the real `feed.html` and `hotTracks.html` lay them out.

Stream and `/all`: `h2.head-name-tab` ("Stream", or "Recent tracks from all users") with a link to
the other feed, `div.posts.fullStream` holding the posts, `div.btnLoadMore` and the page's
script. Hot tracks: `#filterSelector`, `h2.head-name-tab` "Hot Tracks / All", `div.posts` in
ranking order (`data-score` on each), `div.btnLoadMore`, and `window.nextPageUrl` made as the real
page makes it: the address with `?skip=<n>` appended, even after a `?`. The side boxes and the
add-track box, which need script, are left out.
"""

from dataclasses import dataclass
from typing import Any

from server.openwhyd.pages import frame
from server.openwhyd.pages.markup import h
from server.openwhyd.pages.paging import LOAD_MORE_BUTTON, Paging, script
from server.openwhyd.pages.post_items import Viewing, items


@dataclass(frozen=True)
class Feed:
    root: str
    viewer: dict[str, Any] | None
    home: bool
    """The viewer's stream rather than everyone's tracks."""
    posts: list[dict[str, Any]]
    has_more: bool
    paging: Paging

    @property
    def viewing(self) -> Viewing:
        return Viewing.of(self.root, self.viewer)


def feed_fragment(feed: Feed) -> str:
    more = LOAD_MORE_BUTTON if feed.has_more else ""
    return items(feed.viewing, feed.posts) + more + script(feed.paging)


def feed_page(feed: Feed, body_class: str) -> str:
    root = h(feed.root)
    if feed.home:
        head = (
            f'<a class="otherFeed" href="{root}/all">Other recent tracks</a>'
            '<h2 class="head-name-tab">Stream</h2>'
        )
    else:
        back = f'<a class="otherFeed" href="{root}/stream">Back to Stream</a>' if feed.viewer else ""
        head = f'{back}<h2 class="head-name-tab">Recent tracks from all users</h2>'
    body = (
        f'<div class="container"><section class="sub-container"><div>{head}</div>'
        f'<div class="posts fullStream">{feed_fragment(feed)}</div></section></div>'
    )
    return frame.page(frame.Frame(root=feed.root, viewer=feed.viewer, body_class=body_class), body)


def hot_fragment(root: str, viewer: str | None, posts: list[dict[str, Any]], next_url: str | None) -> str:
    more = LOAD_MORE_BUTTON + script(Paging(next_page=next_url)) if next_url else ""
    return items(Viewing(root, viewer, playlist_names=False), posts) + more


def hot_page(root: str, viewer: dict[str, Any] | None, fragment: str) -> str:
    body = (
        '<div class="container"><div id="filterSelector"><ul>'
        f'<li class="selected"><a href="{h(root)}/hot">All</a></li></ul></div>'
        '<div class="sub-container">'
        '<h2 class="head-name-tab">Hot Tracks <span class="genreSelector">/ All</span></h2>'
        f'<div class="posts">{fragment}</div></div></div>'
    )
    return frame.page(frame.Frame(root=root, viewer=viewer, body_class="pgHotTracks"), body)
