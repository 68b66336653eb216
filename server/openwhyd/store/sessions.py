"""Server-side sessions: the `whydSid` cookie names a row that holds the logged-in user id."""

import secrets

from server.database import Connection

LIFETIME = 365 * 24 * 3600


def create(db: Connection, uid: str, now: float) -> str:
    sid = secrets.token_urlsafe(24)
    db.execute("DELETE FROM sessions WHERE expires < ?", (now,))
    db.execute("INSERT INTO sessions VALUES (?, ?, ?)", (sid, uid, now + LIFETIME))
    return sid


def user_id(db: Connection, sid: str, now: float) -> str | None:
    row = db.execute("SELECT uid FROM sessions WHERE sid = ? AND expires > ?", (sid, now)).fetchone()
    return row and row["uid"]


def destroy(db: Connection, sid: str) -> None:
    db.execute("DELETE FROM sessions WHERE sid = ?", (sid,))
