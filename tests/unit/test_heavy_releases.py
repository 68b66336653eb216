"""The release picker: valid releases newest first, `dev` last, and the four-week expiry warning."""

from datetime import date

from app.heavy.models import Release
from app.heavy.releases import expiry_warning, release_options

TODAY = date(2026, 11, 24)
CATALOGUE = [
    Release("dev", "2026-11-23", date(9999, 12, 31)),
    Release("r2017.09", "2017-09-01", date(2018, 3, 31)),
    Release("r2026.11", "2026-11-23", date(2027, 11, 30)),
    Release("r2026.06", "2026-06-01", date(2026, 12, 10)),
]


def test_expired_releases_are_not_offered_and_the_newest_dated_one_comes_first() -> None:
    options = release_options(CATALOGUE, TODAY)
    assert [option.release.name for option in options] == ["r2026.11", "r2026.06", "dev"]


def test_dev_is_the_default_only_when_nothing_dated_is_valid() -> None:
    options = release_options([CATALOGUE[0], CATALOGUE[1]], TODAY)
    assert [option.release.name for option in options] == ["dev"]
    assert release_options([], TODAY) == []


def test_a_release_without_expiry_is_always_offered_without_warning() -> None:
    (option,) = release_options([Release("r-forever", "2020-01-01", None)], TODAY)
    assert option.warning is None


def test_only_releases_expiring_within_four_weeks_warn() -> None:
    warnings = {option.release.name: option.warning for option in release_options(CATALOGUE, TODAY)}
    assert warnings["r2026.11"] is None and warnings["dev"] is None
    assert warnings["r2026.06"] == (
        "r2026.06 expires in 16 days, on 2026-12-10: after that heavy refuses "
        "to compile with it. Pick a newer release if there is one."
    )


def test_the_warning_counts_days_up_to_the_last_one() -> None:
    release = Release("r", "2026-01-01", date(2026, 12, 22))
    assert expiry_warning(release, TODAY) == expiry_warning(release, date(2026, 11, 24))
    assert "in 28 days" in expiry_warning(release, TODAY)
    assert expiry_warning(release, date(2026, 11, 23)) is None
    assert "in 1 day," in expiry_warning(release, date(2026, 12, 21))
    assert "expires today" in expiry_warning(release, date(2026, 12, 22))
    assert "expired on 2026-12-22" in expiry_warning(release, date(2026, 12, 23))


def test_each_option_says_when_it_came_out_and_until_when_it_compiles() -> None:
    notes = {option.release.name: option.note for option in release_options(CATALOGUE, TODAY)}
    assert notes == {
        "r2026.11": "released 2026-11-23, valid until 2027-11-30",
        "r2026.06": "released 2026-06-01, valid until 2026-12-10",
        "dev": "today's compiler, never expires",
    }
    (undated,) = release_options([Release("r0", None, None)], TODAY)
    assert undated.note == "never expires"
