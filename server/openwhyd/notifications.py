"""What each action tells whom (openwhyd-social.md §1.2), written in the action's own transaction,
and how `GET /api/notif` shows a notification (§1.3).

Where the real server crashes (an unlike whose notification was already cleared dereferences
null), this one does nothing instead.
"""

import re
from typing import Any

from server.database import Connection
from server.openwhyd.ids import new_id
from server.openwhyd.pages.markup import entities, iso
from server.openwhyd.store import comments, notifs, users

MENTION = re.compile(r"@\[([^\]]*)\]\(user:([^)]*)\)", re.IGNORECASE)
MAX_MENTIONS = 6


def span(text: Any) -> str:
    """`makeLink`: the text HTML-escaped as `snip.htmlEntities` does, in a `<span>`."""
    return f"<span>{entities(text)}</span>"


def _seconds(now: float) -> int:
    return int(now + 0.5)


def _counted(db: Connection, nid: str, now: float, fields: dict[str, Any], actors: str, actor: str) -> None:
    """Likes and reposts: one document per post, `actor` pushed on `actors`, `n` one more."""
    doc = notifs.get(db, nid) or {"_id": nid}
    doc.update(fields, t=_seconds(now), uIdLast=actor)
    doc[actors] = [*doc.get(actors, []), actor]
    doc["n"] = doc.get("n", 0) + 1
    notifs.save(db, doc)


def _post_fields(post: dict[str, Any]) -> dict[str, Any]:
    named = {"eId": post.get("eId"), "name": post.get("name")}
    return {key: value for key, value in named.items() if value is not None} | {"uId": [post["uId"]]}


def loved(db: Connection, post: dict[str, Any], liker: str, now: float) -> None:
    if liker != post["uId"]:
        _counted(db, f"{post['_id']}/loves", now, _post_fields(post), "lov", liker)


def unloved(db: Connection, post: dict[str, Any], liker: str) -> None:
    """One like fewer; gone at none. A notification the author already cleared stays cleared."""
    nid = f"{post['_id']}/loves"
    doc = notifs.get(db, nid)
    if liker == post["uId"] or doc is None:
        return
    doc["n"] = doc.get("n", 0) - 1
    doc["lov"] = [uid for uid in doc.get("lov", []) if uid != liker]
    if not doc["lov"] or doc["n"] < 1:
        notifs.delete(db, nid)
        return
    doc["uIdLast"] = doc["lov"][-1]
    notifs.save(db, doc)


def reposted(db: Connection, source: dict[str, Any], reposter: str, now: float) -> None:
    if reposter != source["uId"]:
        _counted(db, f"{source['_id']}/reposts", now, _post_fields(source), "reposters", reposter)


def subscribed(db: Connection, follower: dict[str, Any], followed: str, now: float) -> None:
    """One document per follower, shared by everyone they follow; following again pushes again."""
    nid = f"/u/{follower['_id']}"
    doc = notifs.get(db, nid) or {"_id": nid, "uId": []}
    doc.update(eId=nid, name=follower.get("name"), t=_seconds(now))
    doc["uId"] = [*doc["uId"], followed]
    notifs.save(db, doc)


def _insert(db: Connection, recipients: list[Any], now: float, fields: dict[str, Any]) -> dict[str, Any]:
    """A one-off notification with an ObjectId of its own, as stored (`_id` first)."""
    doc = {"_id": new_id(now), **fields, "t": _seconds(now), "uId": recipients}
    notifs.save(db, doc)
    return doc


def _about(actor: dict[str, Any], post: dict[str, Any]) -> dict[str, str]:
    return {"img": f"/img/u/{actor['_id']}", "href": f"/c/{post['_id']}"}


def mentioned(
    db: Connection, post: dict[str, Any], actor: dict[str, Any], text: str, now: float
) -> list[str]:
    """Everyone `@[Name](user:<uid>)` names in `text` (the first six), told; their uids. No check
    that they exist or are not the actor, as on the real server; nothing without a track name."""
    if not post.get("name"):
        return []
    uids = [uid for match in MENTION.finditer(text) if (uid := match.group(2))][:MAX_MENTIONS]
    html = f"{span(actor.get('name'))} mentionned you about {span(post['name'])}"
    for uid in uids:
        _insert(db, [uid], now, {"html": html, **_about(actor, post)})
    return uids


def commented(db: Connection, post: dict[str, Any], commenter: dict[str, Any], text: str, now: float) -> None:
    """The comment's mentions, then its author, then earlier commenters, each told once."""
    told = {commenter["_id"], *mentioned(db, post, commenter, text, now)}
    if not post.get("name"):
        return
    about, name, author = _about(commenter, post), span(commenter.get("name")), post["uId"]
    if author not in told:
        nid = f"{post['_id']}/comments"
        doc = notifs.get(db, nid) or {"_id": nid}
        html = f"{name} commented on your track {span(post['name'])}"
        notifs.save(db, doc | {"html": html, **about, "t": _seconds(now), "uId": [author]})
    told.add(author)
    earlier = [c["uId"] for c in comments.of_posts(db, [post["_id"]])[post["_id"]]]
    replied = [uid for uid in dict.fromkeys(earlier) if uid not in told]
    if replied:
        nid = f"{post['_id']}/replies"
        doc = notifs.get(db, nid) or {"_id": nid, "uId": []}
        doc.update(html=f"{name} replied to your comment on {span(post['name'])}", **about, t=_seconds(now))
        doc["uId"] = [*doc["uId"], *(uid for uid in replied if uid not in doc["uId"])]
        notifs.save(db, doc)


Sender = tuple[str, Any]
"""The sender's uid and name, as the session gives them."""


def _sent(db: Connection, sender: Sender, to: list[Any], now: float, kind: str, **fields: str) -> dict:
    html = f"{span(sender[1])} sent you a {'track' if kind == 'Snt' else 'playlist'}"
    return _insert(db, to, now, {"type": kind, **fields, "uIdLast": sender[0], "html": html})


def sent_track(db: Connection, sender: Sender, pid: str, to: list[Any], now: float) -> dict:
    return _sent(db, sender, to, now, "Snt", href=f"/c/{pid}", img=f"/img/post/{pid}")


def sent_playlist(db: Connection, sender: Sender, pl_id: str, to: list[Any], now: float) -> dict:
    """`plId` is `<uid>_<n>`; its first `_` becomes `/playlist/` in the link, as on the real server."""
    href = "/u/" + pl_id.replace("_", "/playlist/", 1)
    return _sent(db, sender, to, now, "Snp", href=href, img=f"/img/playlist/{pl_id}")


def invite_accepted(db: Connection, inviter: str, newcomer: dict[str, Any], now: float) -> None:
    link = f"/u/{newcomer['_id']}"
    html = f"Your friend {span(newcomer.get('name'))} accepted your invite"
    _insert(db, [inviter], now, {"html": html, "img": f"/img/u/{newcomer['_id']}", "href": link})


def shown(db: Connection, doc: dict[str, Any], me: str) -> dict[str, Any]:
    """A stored notification as `GET /api/notif` gives it to `me` (§1.3)."""
    nid = doc["_id"]
    last = users.get(db, doc["uIdLast"]) if isinstance(doc.get("uIdLast"), str) else None
    track = {"eId": doc.get("eId"), "name": doc.get("name"), "img": doc.get("img")}
    item: dict[str, Any] = {"type": doc["type"]} if "type" in doc else {}
    item |= {
        "pId": nid,
        "track": {key: value for key, value in track.items() if value is not None},
        "t": iso(doc["t"]),
        "lastAuthor": {"id": last["_id"], "name": last.get("name")} if last else {},
        "n": doc.get("n") if nid.endswith("/loves") else doc["uId"].count(me),
    }
    return item | {key: doc[key] for key in ("img", "html", "href") if key in doc}
