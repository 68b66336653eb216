"""Play times as music players show them: `3:07`, or `1:02:09` from an hour on."""

import math

UNKNOWN = "-:--"


def clock(seconds: float | None, total: float | None = None) -> str:
    """`seconds` as m:ss, or as h:mm:ss when it or the `total` it is shown next to reaches an
    hour, so that `0:05:03 / 1:02:00` line up. What players report for an unknown or endless
    duration (None, NaN, infinity) shows as `-:--`."""
    if seconds is None or not math.isfinite(seconds):
        return UNKNOWN
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if hours or (total is not None and math.isfinite(total) and total >= 3600):
        return f"{hours}:{minutes:02}:{secs:02}"
    return f"{minutes}:{secs:02}"
