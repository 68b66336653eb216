"""Mongo-style ObjectIds: 24 hex digits whose first 8 are the creation time, so ids sort by date."""

import itertools
import os
import re
import threading

HEX_ID = re.compile(r"[0-9a-fA-F]{24}")

_PROCESS = os.urandom(5)
_counter = itertools.count(int.from_bytes(os.urandom(3), "big"))
_lock = threading.Lock()


def new_id(at: float) -> str:
    """A fresh id stamped with `at` (seconds since the epoch); later ids compare greater as strings."""
    with _lock:
        count = next(_counter) & 0xFFFFFF
    seconds = int(at)
    return (seconds.to_bytes(4, "big") + _PROCESS + count.to_bytes(3, "big")).hex()


def id_at(seconds: float) -> str:
    """The smallest id created at `seconds`: a bound for "posted since" queries."""
    return int(seconds).to_bytes(4, "big").hex() + "0" * 16


def object_id(value: object) -> str | None:
    """The id `ObjectId.isValid` accepts (24 hex digits, or any 12-byte string), lowercased."""
    if not isinstance(value, str):
        return None
    if HEX_ID.fullmatch(value):
        return value.lower()
    raw = value.encode()
    return raw.hex() if len(value) == 12 and len(raw) == 12 else None


def id_time(oid: str) -> int:
    """Seconds since the epoch when `oid` was created."""
    return int(oid[:8], 16)
