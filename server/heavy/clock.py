"""Timestamps the way Enzien wrote them: naive UTC ISO-8601, always with microseconds."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def now_iso() -> str:
    return iso(utcnow())
