"""Releases over time, on the service's clock: new ones come out on schedule, the default follows
them, a pinned one stops at its expiry."""

import pytest
from heavy_http import SINE_PD, call, create_patch, submit, zip_of


@pytest.fixture(scope="module")
def drift(heavy, new_token) -> str:
    token = new_token("drift")
    create_patch(heavy, token, "tone")
    return token


def releases(heavy) -> dict:
    return call("GET", f"{heavy}/a/releases/").json()


def compile_as(heavy, token, **fields: str) -> dict:
    return submit(heavy, token, "tone", zip_of({"_main.pd": SINE_PD}), **fields)


def test_the_catalogue_and_the_default_release_follow_the_clock_past_an_expiry(heavy, drift, service_clock):
    service_clock(at="2027-11-22T23:00:00Z")
    assert "r2027.11" not in releases(heavy)
    assert releases(heavy)["r2027.05"] == {"releaseDate": "2027-05-23", "validUntil": "2028-05-31"}
    assert compile_as(heavy, drift)["data"]["attributes"]["release"] == "r2027.05"

    service_clock(advance=str(2 * 3600))
    assert releases(heavy)["r2027.11"] == {"releaseDate": "2027-11-23", "validUntil": "2028-11-30"}
    assert compile_as(heavy, drift)["data"]["attributes"]["release"] == "r2027.11"
    assert compile_as(heavy, drift, release="r2026.11")["data"]["attributes"]["release"] == "r2026.11"

    service_clock(at="2027-12-01T00:00:00Z")
    (error,) = compile_as(heavy, drift, release="r2026.11")["errors"]
    assert error["status"] == "400" and 'The release "r2026.11" expired on 2027-11-30.' in error["detail"]
    assert "r2027.05, r2027.11, dev" in error["detail"]
    assert releases(heavy)["r2026.11"] == {"releaseDate": "2026-11-23", "validUntil": "2027-11-30"}


@pytest.mark.parametrize("pinned", ["r2017.09", "r2017.11", "r2018.01"])
def test_a_script_pinned_to_an_old_release_compiles_with_todays_and_is_told(
    heavy, drift, service_clock, pinned
):
    service_clock(at="2027-12-01T00:00:00Z")
    assert pinned in releases(heavy)
    job = compile_as(heavy, drift, release=pinned)
    assert job["errors"] == [] and job["data"]["attributes"]["release"] == "r2027.11"
    (warning,) = job["warnings"]
    assert warning["detail"].startswith(f'The release "{pinned}" was Enzien\'s and stopped compiling on ')
    assert warning["detail"].endswith('this job was compiled with today\'s compiler, as release "r2027.11".')
    assert job["data"]["attributes"]["warnings"] == job["warnings"]
    index = job["data"]["attributes"]["index"]
    again = call("GET", f"{heavy}/a/jobs/drift/tone/{index}/").json()
    assert again["warnings"] == job["warnings"]
