"""A track's page (`/c/<id>`, and the page of an external track id such as `/yt/<id>`) as the real
`postViewer.js` makes it: `postPage.html` in a page titled "<name>, added by <poster>", with its
text as the description, `og:title` the track's name, and robots `noindex`."""

from typing import Any

from server.openwhyd.pages import frame
from server.openwhyd.pages.markup import FULL_URL
from server.openwhyd.pages.post_items import Viewing, cover, page_item

YOUTUBE_THUMB = "https://i.ytimg.com/vi/{}/0.jpg"


def _image(root: str, post: dict[str, Any]) -> str | None:
    """The real `pageImage`: the post's image, else one made from its eId (YouTube's thumbnail)."""
    if post.get("img"):
        return cover(root, post)
    eid = str(post.get("eId") or "")
    return YOUTUBE_THUMB.format(eid[4:]) if eid.startswith("/yt/") else None


def page(root: str, origin: str, viewer: dict[str, Any] | None, post: dict[str, Any]) -> str:
    """`post` carries its `comments`."""
    text = FULL_URL.sub(lambda match: match.group(1) + "...", str(post.get("text") or ""))
    return frame.page(
        frame.Frame(
            root=root,
            viewer=viewer,
            body_class="pgPost",
            title=f"{post.get('name')}, added by {post.get('uNm')}",
            og_title=str(post.get("name")),
            noindex=True,
            description=text.replace("\n\n", "\n").replace("\n", " "),
            image=_image(root, post),
            url=f"{origin}{root}/c/{post['_id']}",
        ),
        page_item(Viewing.of(root, viewer), post),
    )


def external(root: str, origin: str, viewer: dict[str, Any] | None, eid: str) -> str:
    """The page of a track no one posted: its player, under the placeholder cover."""
    post = {"eId": eid, "img": "/images/cover-track.png"}
    return frame.page(
        frame.Frame(
            root=root,
            viewer=viewer,
            body_class="pgPost",
            noindex=True,
            image=_image(root, {"eId": eid}),
            url=f"{origin}{root}{eid}",
        ),
        page_item(Viewing.of(root, viewer), post),
    )
