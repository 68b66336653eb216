"""Posts as the real `posts.html` (every track list) and `postPage.html` (the track page) draw
them: `div.post[data-pid][data-score][data-order][data-initialpid][data-loved][data-time]` with
`a.thumb[data-eid]`, `h2 > a[href=/c/<id>]`, `p.author`, `span.ago[datetime]`, `div.stats`
(`.nbReposts`, `.nbLoves`, `.nbComments`), `div.btns` and `form.comments > div.comment[data-cid]`.

The values are the real `preparePost`'s; where ours differs on purpose: dates are absolute and in
UTC (a page is kept for visitors until the next write, so "3 days ago" would go stale), the buttons
link to the track page instead of running script, and links a post's author wrote (its source,
comment links) are escaped in full and dropped when their scheme is not http(s).
"""

import re
from dataclasses import dataclass
from typing import Any

from server.openwhyd.eids import track_url
from server.openwhyd.ids import id_time
from server.openwhyd.pages.markup import (
    FULL_URL,
    TEXT_URL,
    css_url,
    day,
    h,
    link,
    linked,
    rooted,
    time_and_day,
)

NO_COVER = "/images/cover-track.png"
PLAYERS = {
    "yt": "YouTube",
    "sc": "Soundcloud",
    "dm": "Dailymotion",
    "vi": "Vimeo",
    "dz": "Deezer",
    "sp": "Spotify",
    "bc": "Bandcamp",
    "ja": "Jamendo",
    "fi": "File",
}
"""The real `config.js` players' names, which `a.via` and `a.powered` show."""
MENTION = re.compile(r"@\[([^\]]*)\]\(user:([^)]*)\)", re.IGNORECASE)
DOT = "<span>&middot;</span>"


@dataclass(frozen=True)
class Viewing:
    """Who looks and where: the real renderer's `loggedUser` and `displayPlaylistName`."""

    root: str
    viewer: str | None
    playlist_names: bool = True

    @classmethod
    def of(cls, root: str, viewer: dict[str, Any] | None, playlist_names: bool = True) -> "Viewing":
        """As `viewer`, a user's document or None, sees it."""
        return cls(root, viewer["_id"] if viewer else None, playlist_names)


def cover(root: str, post: dict[str, Any]) -> str:
    """The post's image without its first `http:` (so it loads over https too), else the
    placeholder cover; a rooted path stays inside the service."""
    img = post.get("img")
    src = img.replace("http:", "", 1) if isinstance(img, str) and img and img != "null" else NO_COVER
    return rooted(root, src)


def _text_html(root: str, text: str) -> str:
    """A comment's text as the real page shows it: escaped, URLs as links to themselves named by
    their host, mentions as links to the person, line breaks kept (a blank line as one)."""
    parts, last = [], 0
    for match in MENTION.finditer(text):
        parts.append(_linked_urls(text[last : match.start()]))
        parts.append(f'<a href="{h(root)}/u/{h(match.group(2))}">{h(match.group(1))}</a>')
        last = match.end()
    parts.append(_linked_urls(text[last:]))
    return "".join(parts).replace("\n\n", "\n").replace("\n", "<br/>")


def _linked_urls(text: str) -> str:
    return linked(text, TEXT_URL, lambda match: h(match.group(1)) + "...")


def _comments(post: dict[str, Any]) -> list[dict[str, Any]]:
    """The post's comments, its own text first (the real page shows it as its author's comment)."""
    notes = list(post.get("comments") or [])
    if post.get("text"):
        notes.insert(
            0, {"_id": post["_id"], "uId": post.get("uId"), "uNm": post.get("uNm"), "text": post["text"]}
        )
    return notes


def _comment(root: str, note: dict[str, Any], hidden: bool, on_page: bool) -> str:
    uid = h(note.get("uId"))
    face_url = css_url(f"{root}/img/u/{note.get('uId') or ''}")
    face = f"<span style=\"background-image:url('{face_url}');\"></span>"
    when = f'<span class="t">{day(id_time(note["_id"]))}</span>'
    name = h(note.get("uNm"))
    author = (
        f'<div class="author">{face}<a href="{h(root)}/u/{uid}">{name} {when}</a></div>'
        if on_page
        else f'<a class="author" href="{h(root)}/u/{uid}">{face}<p>{name} {when}</p></a>'
    )
    return (
        f'<div class="comment{" hidden" if hidden else ""}" data-cid="{h(note["_id"])}">{author}'
        f'<p class="text">{_text_html(root, str(note.get("text") or ""))}</p></div>'
    )


def _comment_list(root: str, notes: list[dict[str, Any]], on_page: bool) -> str:
    """In lists, the real page folds all but the first two and the last of more than three."""
    folded = range(2, len(notes) - 1) if len(notes) > 3 and not on_page else range(0)
    return "".join(_comment(root, note, i in folded, on_page) for i, note in enumerate(notes))


def _player(eid: Any) -> tuple[str, str, str] | None:
    """`(label, class, url)` of the site a track plays from, the real `getPlayerMeta`."""
    if not isinstance(eid, str) or not eid.startswith("/"):
        return None
    label = PLAYERS.get(eid.split("/")[1])
    if label is None:
        return None
    return label, re.sub(r"[^a-z0-9]+", "", label.lower()), track_url(eid) or ""


def _source(root: str, post: dict[str, Any]) -> str:
    src = post.get("src")
    if post.get("ctx") == "mob":
        return f' from <a class="src" href="{h(root)}/mobile" title="">Whyd Mobile Track Finder</a>'
    if not isinstance(src, dict):
        return ""
    url = str(src.get("id") or "")
    short = FULL_URL.sub(lambda m: m.group(1) + "...", url)
    return f' from <a class="src" href="{link(url)}" title="{h(src.get("name"))}">{h(short)}</a>'


def _stat(kind: str, count: Any, shown: bool) -> str:
    """A count, hidden by style when the real page hides it (likes show `nbL`, hidden by `lov`)."""
    return f'<span class="{kind}" style="{"" if shown else "display:none;"}"><span>{h(count)}</span></span>'


@dataclass(frozen=True)
class _Post:
    """The values `preparePost` gives the templates."""

    see: Viewing
    doc: dict[str, Any]

    @property
    def pid(self) -> str:
        return str(self.doc.get("_id") or "")

    @property
    def url(self) -> str:
        return f"{self.see.root}/c/{self.pid}"

    @property
    def repost(self) -> dict[str, Any] | None:
        repost = self.doc.get("repost")
        return repost if isinstance(repost, dict) and repost.get("uId") != self.doc.get("uId") else None

    @property
    def playlist(self) -> dict[str, Any] | None:
        pl = self.doc.get("pl")
        return pl if self.see.playlist_names and isinstance(pl, dict) and pl else None

    @property
    def loved(self) -> bool:
        lov = self.doc.get("lov") or []
        return bool(self.doc.get("isLoved") or (self.see.viewer and self.see.viewer in lov))

    def attributes(self) -> str:
        order = "" if self.playlist else h(self.doc.get("order"))
        initial = h((self.repost or {}).get("pId"))
        when = id_time(self.pid) * 1000 if self.pid else ""
        return (
            f'data-pid="{h(self.pid)}" data-score="{h(self.doc.get("score"))}" data-order="{order}" '
            f'data-initialpid="{initial}" data-loved="{"true" if self.loved else ""}" data-time="{when}"'
        )

    def title(self) -> str:
        return f'<h2><a href="{h(self.url)}" class="no-ajaxy">{h(self.doc.get("name") or "-")}</a></h2>'

    def ago(self) -> str:
        if not self.pid:
            return ""
        seconds = id_time(self.pid)
        return (
            f'<span class="ago" datetime="{seconds * 1000}"><a href="{h(self.url)}">{day(seconds)}</a></span>'
        )

    def author(self, on_page: bool) -> str:
        root, uid = h(self.see.root), self.doc.get("uId")
        face_url = css_url(f"{self.see.root}/img/u/{uid or ''}")
        face = f"background-image:url('{face_url}');" if uid or not on_page else ""
        name = h(self.doc.get("uNm"))
        line = f'<p class="author"><span style="{face}"></span><a href="{root}/u/{h(uid)}">{name}</a>'
        if self.repost or self.playlist:
            line += " added this track"
        if self.playlist:
            url = f"{root}/u/{h(uid)}/playlist/{h(self.playlist.get('id'))}"
            line += f' to <a href="{url}">{h(self.playlist.get("name"))}</a>'
        if self.repost:
            line += f' via <a href="{root}/u/{h(self.repost.get("uId"))}">{h(self.repost.get("uNm"))}</a>'
        return line + "</p>"

    def stats(self) -> str:
        lov = self.doc.get("lov") or []
        reposts, loves = self.doc.get("nbR") or 0, self.doc.get("nbL") or len(lov)
        comments = len(_comments(self.doc))
        return (
            '<div class="stats">'
            f"{_stat('nbReposts', reposts, reposts > 0)}{_stat('nbLoves', loves, bool(lov))}"
            f"{_stat('nbComments', comments, comments > 0)}"
            "</div>"
        )

    def buttons(self) -> str:
        url = h(self.url)
        liked = ("btnLike selected", "Liked") if self.loved else ("btnLike", "Like")
        own = self.see.viewer is not None and self.doc.get("uId") == self.see.viewer
        edit = f'<span class="postEdit">{DOT}<a href="{url}">Edit</a></span>' if own else ""
        return (
            f'<div class="btns"><a class="btnRepost" href="{url}">Add to</a>{DOT}'
            f'<a class="{liked[0]}" href="{url}">{liked[1]}</a>{DOT}'
            f'<a class="btnComment" href="{url}">Comment</a>{DOT}'
            f'<a class="btnShare" href="{url}"><span>Share</span></a>{edit}</div>'
        )

    def comments(self, on_page: bool) -> str:
        return f'<form class="comments">{_comment_list(self.see.root, _comments(self.doc), on_page)}</form>'


def _list_item(see: Viewing, doc: dict[str, Any]) -> str:
    post = _Post(see, doc)
    img = cover(see.root, doc)
    player = _player(doc.get("eId"))
    via = (
        f' &middot; Via <a class="via {player[1]}" href="{link(player[2])}">{player[0]}</a>' if player else ""
    )
    dated = time_and_day(id_time(post.pid)) if post.pid else ""
    return (
        f'<div class="post" {post.attributes()}><div class="playBar"></div>'
        f'<a class="thumb" href="{link(track_url(doc.get("eId")))}" target="_blank" '
        f'data-eid="{h(doc.get("eId"))}" style="background-image:url(\'{css_url(img)}\');">'
        f'<img src="{h(img)}" alt=""><div class="play"></div></a>'
        f"{post.title()}{post.author(on_page=False)}{post.ago()}{post.stats()}{post.buttons()}"
        f'<div class="ext hidden"><p>{dated}{via}{_source(see.root, doc)}</p>'
        f"{post.comments(on_page=False)}</div>"
        "</div>"
    )


def items(see: Viewing, docs: list[dict[str, Any]]) -> str:
    """`posts.html`: one `div.post` per post, in the order given."""
    return "".join(_list_item(see, doc) for doc in docs)


def page_item(see: Viewing, doc: dict[str, Any]) -> str:
    """`postPage.html`: the one post of a track page, its comments open, and where it plays."""
    post = _Post(see, doc)
    img = cover(see.root, doc)
    player = _player(doc.get("eId"))
    powered = (
        f'<a class="powered {player[1]}" href="{link(player[2])}" target="_blank">Powered by {player[0]}</a>'
        if player
        else ""
    )
    return (
        '<div class="posts"><div class="background-header">'
        f'<div class="jsDynThumb" style="background-image:url(\'{css_url(img)}\')"></div></div>'
        f'<div class="post" {post.attributes()}>'
        f'<a class="thumb jsDynThumb" target="_blank" data-eid="{h(doc.get("eId"))}" data-img="{h(img)}" '
        f"style=\"background-image:url('{css_url(img)}');\">"
        f'<img src="{h(img)}" alt=""><div class="play"></div></a>'
        f"{post.title()}{post.ago()}{post.author(on_page=True)}{post.stats()}{post.buttons()}"
        f'<div class="ext">{post.comments(on_page=True)}</div></div>{powered}</div>'
    )
