"""The heavy service's releases at fixed dates: Enzien's, the six-monthly schedule, and `dev`."""

from datetime import date, timedelta

import pytest

from server.heavy.releases import ReleaseRefused, catalogue, choose, substitution

ENZIEN = [
    "r2016.07.05",
    "r2016.08",
    "r2016.08_1",
    "r2016.10",
    "r2016.11",
    "r2017.01",
    "r2017.02",
    "r2017.06",
    "r2017.09",
    "r2017.11",
    "r2018.01",
    "r2018.03",
]


def ours(today: date) -> list[str]:
    return [name for name in catalogue(today) if name not in ENZIEN and name != "dev"]


def test_before_the_first_cut_only_dev_is_valid_and_it_is_the_default() -> None:
    today = date(2026, 11, 22)
    assert list(catalogue(today)) == [*ENZIEN, "dev"]
    assert choose(None, today).name == "dev"


def test_on_2026_12_06_the_first_cut_is_the_default() -> None:
    today = date(2026, 12, 6)
    listed = catalogue(today)
    assert list(listed) == [*ENZIEN, "r2026.11", "dev"]
    assert listed["r2026.11"] == {"releaseDate": "2026-11-23", "validUntil": "2027-11-30"}
    assert listed["r2017.09"] == {"releaseDate": "2017-09-01", "validUntil": "2018-03-31"}
    assert listed["dev"] == {"releaseDate": "2026-11-23", "validUntil": "9999-12-31"}
    assert choose(None, today).name == "r2026.11"
    assert choose("", today).name == "r2026.11"
    assert choose("r2026.11", today).name == "r2026.11"
    assert choose("dev", today).name == "dev"
    with pytest.raises(
        ReleaseRefused, match=r'"r2027\.05" is not available\. Available releases: r2026\.11, dev\.'
    ):
        choose("r2027.05", today)


def test_on_2027_12_01_the_first_cut_has_expired_and_two_newer_ones_are_valid() -> None:
    today = date(2027, 12, 1)
    listed = catalogue(today)
    assert ours(today) == ["r2026.11", "r2027.05", "r2027.11"]
    assert listed["r2027.05"] == {"releaseDate": "2027-05-23", "validUntil": "2028-05-31"}
    assert listed["r2027.11"] == {"releaseDate": "2027-11-23", "validUntil": "2028-11-30"}
    assert choose(None, today).name == "r2027.11"
    assert choose("r2027.05", today).name == "r2027.05"
    with pytest.raises(
        ReleaseRefused,
        match=r'"r2026\.11" expired on 2027-11-30\. Available releases: r2027\.05, r2027\.11, dev\.',
    ):
        choose("r2026.11", today)
    assert choose("r2026.11", date(2027, 11, 30)).name == "r2026.11"


def test_on_2030_06_15_the_cut_of_may_is_the_default_and_last_novembers_still_compiles() -> None:
    today = date(2030, 6, 15)
    assert ours(today)[-3:] == ["r2029.05", "r2029.11", "r2030.05"]
    assert len(ours(today)) == 8
    assert choose(None, today).name == "r2030.05"
    assert choose("r2029.11", today).valid_until == date(2030, 11, 30)
    with pytest.raises(ReleaseRefused, match="expired on 2030-05-31"):
        choose("r2029.05", today)
    with pytest.raises(ReleaseRefused, match="not available"):
        choose("r2030.11", today)


def test_on_2100_01_01_the_schedule_still_runs() -> None:
    today = date(2100, 1, 1)
    listed = catalogue(today)
    assert ours(today)[-2:] == ["r2099.05", "r2099.11"]
    assert listed["r2099.11"] == {"releaseDate": "2099-11-23", "validUntil": "2100-11-30"}
    assert choose(None, today).name == "r2099.11"
    assert choose("r2099.05", today).name == "r2099.05"
    with pytest.raises(ReleaseRefused, match=r"Available releases: r2099\.05, r2099\.11, dev\."):
        choose("r2098.11", today)


def test_on_every_day_the_default_is_the_newest_of_two_or_three_valid_dated_releases() -> None:
    for days in range((date(2031, 1, 1) - date(2027, 5, 23)).days):
        today = date(2027, 5, 23) + timedelta(days=days)
        listed = catalogue(today)
        valid = [name for name in ours(today) if today <= date.fromisoformat(listed[name]["validUntil"])]
        assert 2 <= len(valid) <= 3, today
        assert choose(None, today).name == valid[-1], today


@pytest.mark.parametrize("name", ENZIEN)
def test_enziens_releases_compile_as_todays_default_and_say_so(name: str) -> None:
    today = date(2027, 12, 1)
    chosen = choose(name, today)
    assert chosen == choose(None, today) and chosen.name == "r2027.11"
    until = catalogue(today)[name]["validUntil"]
    assert substitution(name, chosen) == (
        f'The release "{name}" was Enzien\'s and stopped compiling on {until}; this job'
        ' was compiled with today\'s compiler, as release "r2027.11".'
    )


def test_owlprograms_release_is_listed_as_expired_for_the_uploader_to_warn_and_go_on() -> None:
    assert catalogue(date(2026, 12, 6))["r2018.01"] == {
        "releaseDate": "2018-01-01",
        "validUntil": "2018-07-31",
    }
    assert catalogue(date(2026, 12, 6))["r2017.11"] == {
        "releaseDate": "2017-11-01",
        "validUntil": "2018-05-31",
    }


def test_only_enziens_names_are_substituted() -> None:
    today = date(2027, 12, 1)
    assert substitution(None, choose(None, today)) is None
    assert substitution("r2027.05", choose("r2027.05", today)) is None
    with pytest.raises(ReleaseRefused, match="not available"):
        choose("r2019.01", today)
