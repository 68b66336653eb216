"""People in follower lists (reference §3.1, §3.3): names and bios read from the users themselves,
`subscribed` only where the viewer follows them."""

from collections.abc import Sequence
from typing import Any

from server.database import Connection
from server.openwhyd.store import users


def listed(
    db: Connection, people: Sequence[tuple[str, str | None]], followed: set[str]
) -> list[dict[str, Any]]:
    """`[{id, name, bio?, subscribed?}]` from `(id, name stored in the follow)` pairs.

    The user's own name and bio replace the follow's copy when the user still exists; `subscribed`
    is there (true) only for people in `followed`, as the real server leaves it undefined.
    """
    known = users.summaries(db, [uid for uid, _ in people]) if people else {}
    items = []
    for uid, name in people:
        item: dict[str, Any] = {"id": uid}
        if name is not None:
            item["name"] = name
        item.update(known.get(uid, {}))
        if uid in followed:
            item["subscribed"] = True
        items.append(item)
    return items
