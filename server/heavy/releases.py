"""Heavy releases: Enzien's, with their documented expiries, this service's own, and `dev`.

Every release compiles with the installed hvcc; a release name only records what a client
asked for. Our own expired releases are refused so scripts learn to move on, as Enzien did.
Enzien's were frozen with its service, and the scripts pinned to them (OwlProgram's r2018.01,
the seed document's r2017.11) can no longer move to a newer one of Enzien's: a job that names
one compiles as today's default release, and its warnings say so (`substitution`).

Enzien cut releases by hand (reference §5), so a service that stops cutting them leaves every
script pinned to the last one broken at its expiry. This one cuts a stable release on a fixed
schedule computed from the date: every six months on the 23rd, from r2026.11 (2026-11-23) on,
named after the month it comes out (r2027.05, r2027.11, …). Each compiles until the end of the
month a year after it came out, so at any date two dated releases are valid: a script pinned to
one has six months from the next one's release to move to it. Omitting the release takes the
newest valid one; `dev` never expires.
"""

from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

FIRST_CUT = date(2026, 11, 23)
MONTHS_BETWEEN_CUTS = 6
MONTHS_VALID = 12


@dataclass(frozen=True)
class Release:
    name: str
    release_date: date
    valid_until: date

    def expired(self, today: date) -> bool:
        return self.valid_until < today


ENZIEN = (
    Release("r2016.07.05", date(2016, 7, 5), date(2017, 1, 31)),
    Release("r2016.08", date(2016, 8, 1), date(2017, 2, 28)),
    Release("r2016.08_1", date(2016, 8, 1), date(2017, 2, 28)),
    Release("r2016.10", date(2016, 10, 1), date(2017, 4, 30)),
    Release("r2016.11", date(2016, 11, 1), date(2017, 5, 31)),
    Release("r2017.01", date(2017, 1, 1), date(2017, 7, 31)),
    Release("r2017.02", date(2017, 2, 1), date(2017, 8, 30)),
    Release("r2017.06", date(2017, 6, 1), date(2017, 12, 31)),
    Release("r2017.09", date(2017, 9, 1), date(2018, 3, 31)),
    Release("r2017.11", date(2017, 11, 1), date(2018, 5, 31)),
    Release("r2018.01", date(2018, 1, 1), date(2018, 7, 31)),
    Release("r2018.03", date(2018, 3, 1), date(2018, 9, 30)),
)
"""With their documented dates (reference §5), except the fix r2016.08_1 (its release's dates),
the seed document's r2017.11 and OwlProgram's r2018.01 and r2018.03, whose expiries follow
Enzien's six months."""
ENZIEN_NAMES = frozenset(release.name for release in ENZIEN)
DEV = Release("dev", FIRST_CUT, date(9999, 12, 31))


class ReleaseRefused(ValueError):
    """The requested release is unknown, not out yet, or past its `validUntil`."""

    status = 400


def released(today: date) -> dict[str, Release]:
    """Every release out by `today`, expired ones included, by name: Enzien's, ours, then `dev`."""
    return {release.name: release for release in (*ENZIEN, *_cuts(today), DEV)}


def choose(requested: str | None, today: date) -> Release:
    """The release a job compiles as: the one asked for, else (or for one of Enzien's) the newest
    dated one still valid."""
    out = released(today)
    if not requested or requested in ENZIEN_NAMES:
        valid = [r for r in out.values() if r is not DEV and not r.expired(today)]
        return max(valid, key=lambda r: r.release_date, default=DEV)
    release = out.get(requested)
    if release is None:
        raise ReleaseRefused(
            f'The release "{requested}" is not available. Available releases: {_valid_names(out, today)}.'
        )
    if release.expired(today):
        raise ReleaseRefused(
            f'The release "{requested}" expired on {release.valid_until}. '
            f"Available releases: {_valid_names(out, today)}."
        )
    return release


def substitution(requested: str | None, chosen: Release) -> str | None:
    """What a job's warnings say when it compiles as another release than the one it named."""
    old = next((release for release in ENZIEN if release.name == requested), None)
    if old is None:
        return None
    return (
        f'The release "{old.name}" was Enzien\'s and stopped compiling on {old.valid_until}; this job'
        f' was compiled with today\'s compiler, as release "{chosen.name}".'
    )


def catalogue(today: date) -> dict[str, dict[str, str]]:
    """The body of `GET /a/releases/`: an object keyed by release name."""
    return {
        r.name: {"releaseDate": r.release_date.isoformat(), "validUntil": r.valid_until.isoformat()}
        for r in released(today).values()
    }


def _cuts(today: date) -> Iterator[Release]:
    number = 0
    while (release := _cut(number)).release_date <= today:
        yield release
        number += 1


def _cut(number: int) -> Release:
    """The `number`th release of the schedule (r2026.11 is the 0th)."""
    year, month = _month_after(FIRST_CUT, number * MONTHS_BETWEEN_CUTS)
    until_year, until_month = _month_after(date(year, month, 1), MONTHS_VALID)
    return Release(
        f"r{year}.{month:02d}",
        date(year, month, FIRST_CUT.day),
        date(until_year, until_month, monthrange(until_year, until_month)[1]),
    )


def _month_after(start: date, months: int) -> tuple[int, int]:
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    return year, month + 1


def _valid_names(out: dict[str, Release], today: date) -> str:
    return ", ".join(name for name, release in out.items() if not release.expired(today))
