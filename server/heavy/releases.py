"""Heavy releases: Enzien's dated ones with their documented expiries, today's, and `dev`.

Every release compiles with the installed hvcc; a release name only records what a client
asked for. Expired releases are refused so old scripts learn to move on, as Enzien did.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Release:
    name: str
    release_date: str
    valid_until: str

    def expired(self, today: date) -> bool:
        return date.fromisoformat(self.valid_until) < today


DEV = Release("dev", "2026-11-23", "9999-12-31")
RELEASES: dict[str, Release] = {
    release.name: release
    for release in (
        Release("r2016.07.05", "2016-07-05", "2017-01-31"),
        Release("r2016.08", "2016-08-01", "2017-02-28"),
        Release("r2016.10", "2016-10-01", "2017-04-30"),
        Release("r2016.11", "2016-11-01", "2017-05-31"),
        Release("r2017.01", "2017-01-01", "2017-07-31"),
        Release("r2017.02", "2017-02-01", "2017-08-30"),
        Release("r2017.06", "2017-06-01", "2017-12-31"),
        Release("r2017.09", "2017-09-01", "2018-03-31"),
        Release("r2026.11", "2026-11-23", "2027-11-30"),
        DEV,
    )
}


class ReleaseRefused(ValueError):
    """The requested release is unknown or past its `validUntil`."""

    status = 400


def choose(requested: str | None, today: date) -> Release:
    """The release a job compiles as: the one asked for, else the newest dated one still valid."""
    if not requested:
        valid = [r for r in RELEASES.values() if r is not DEV and not r.expired(today)]
        return max(valid, key=lambda r: r.release_date, default=DEV)
    release = RELEASES.get(requested)
    if release is None:
        raise ReleaseRefused(
            f'The release "{requested}" is not available. '
            f"Available releases: {', '.join(_valid_names(today))}."
        )
    if release.expired(today):
        raise ReleaseRefused(
            f'The release "{requested}" expired on {release.valid_until}. '
            f"Available releases: {', '.join(_valid_names(today))}."
        )
    return release


def catalogue() -> dict[str, dict[str, str]]:
    """The body of `GET /a/releases/`: an object keyed by release name."""
    return {r.name: {"releaseDate": r.release_date, "validUntil": r.valid_until} for r in RELEASES.values()}


def _valid_names(today: date) -> list[str]:
    return [r.name for r in RELEASES.values() if not r.expired(today)]
