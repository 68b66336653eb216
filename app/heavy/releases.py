"""Which heavy release a compile asks for: those still valid, newest first, each with a warning
when it expires soon, as the 2017 uploader warned four weeks ahead."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.heavy.models import Release

DEV = "dev"
WARNING_DAYS = 28


@dataclass(frozen=True)
class ReleaseOption:
    release: Release
    note: str  # when it came out and until when it compiles
    warning: str | None


def release_note(release: Release) -> str:
    if release.name == DEV:
        return "today's compiler, never expires"
    dates = [
        f"released {release.release_date}" if release.release_date else "",
        f"valid until {release.valid_until:%Y-%m-%d}" if release.valid_until else "never expires",
    ]
    return ", ".join(part for part in dates if part)


def expiry_warning(release: Release, today: date) -> str | None:
    """What to tell someone about to compile with `release`, if it expires within four weeks."""
    days = release.days_left(today)
    if days is None or days > WARNING_DAYS:
        return None
    if days < 0:
        return f"{release.name} expired on {release.valid_until:%Y-%m-%d}: heavy refuses to compile with it."
    when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
    return (
        f"{release.name} expires {when}, on {release.valid_until:%Y-%m-%d}: after that heavy "
        f"refuses to compile with it. Pick a newer release if there is one."
    )


def release_options(releases: Iterable[Release], today: date) -> list[ReleaseOption]:
    """The releases still valid, newest first and `dev` last, so the first is what heavy compiles
    with when asked for none; expired ones are not offered."""
    valid = [release for release in releases if (release.days_left(today) or 0) >= 0]
    newest_first = sorted(valid, key=lambda release: release.release_date or "", reverse=True)
    ordered = sorted(newest_first, key=lambda release: release.name == DEV)
    return [
        ReleaseOption(release, release_note(release), expiry_warning(release, today)) for release in ordered
    ]
