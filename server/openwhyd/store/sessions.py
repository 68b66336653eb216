"""Server-side sessions: the `whydSid` cookie names a row that holds the logged-in user id."""

import secrets
import sqlite3
import time

LIFETIME = 365 * 24 * 3600


def create(db: sqlite3.Connection, uid: str) -> str:
    sid = secrets.token_urlsafe(24)
    db.execute("DELETE FROM sessions WHERE expires < ?", (time.time(),))
    db.execute("INSERT INTO sessions VALUES (?, ?, ?)", (sid, uid, time.time() + LIFETIME))
    return sid


def user_id(db: sqlite3.Connection, sid: str) -> str | None:
    row = db.execute("SELECT uid FROM sessions WHERE sid = ? AND expires > ?", (sid, time.time())).fetchone()
    return row and row["uid"]


def destroy(db: sqlite3.Connection, sid: str) -> None:
    db.execute("DELETE FROM sessions WHERE sid = ?", (sid,))
