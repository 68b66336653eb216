"""Timestamps the way Enzien wrote them: naive UTC ISO-8601, always with microseconds."""

from datetime import datetime


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")
