"""Shared state for the heavy suites: one live server, a few users, and as few compiles as can be.

Compiles are what cost time, so the jobs most tests read are made once per session here.
"""

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from heavy_http import SINE_PD, UNKNOWN_OBJECT_PD, call, create_patch, submit, zip_of


@pytest.fixture(scope="session")
def heavy(live_server: str) -> str:
    return live_server + "/heavy"


@pytest.fixture
def service_clock(heavy: str) -> Iterator[Callable[..., datetime]]:
    """Moves the live server's clock (both services share it) by one form field of
    `/test/clock`: `advance="60"`, `at="2027-12-01T00:00:00Z"` or `real="1"`; gives the service's
    new time (naive UTC). The machine's time is back after the test."""

    def move(**field: str) -> datetime:
        reply = call("POST", f"{heavy}/test/clock", form=field).json()
        assert "errors" not in reply, reply
        return datetime.fromisoformat(reply["meta"]["now"])

    yield move
    move(real="1")


@pytest.fixture(scope="session")
def new_token(heavy: str) -> Callable[..., str]:
    """A fresh token for a user (created if new), from the test-mode route."""

    def issue(name: str, label: str = "test") -> str:
        reply = call("POST", f"{heavy}/test/tokens", form={"name": name, "label": label})
        return reply.json()["data"]["attributes"]["token"]

    return issue


@pytest.fixture(scope="session")
def alice(new_token: Callable[..., str]) -> str:
    return new_token("alice")


@pytest.fixture(scope="session")
def bob(new_token: Callable[..., str]) -> str:
    return new_token("bob")


@pytest.fixture(scope="session")
def sine_job(heavy: str, alice: str) -> dict:
    """alice/sine, public, compiled once with the default release."""
    create_patch(heavy, alice, "sine")
    return submit(heavy, alice, "sine", zip_of({"_main.pd": SINE_PD}))


@pytest.fixture(scope="session")
def failed_job(heavy: str, alice: str) -> dict:
    create_patch(heavy, alice, "broken")
    return submit(heavy, alice, "broken", zip_of({"_main.pd": UNKNOWN_OBJECT_PD}))


@pytest.fixture(scope="session")
def private_patch(heavy: str, bob: str) -> dict:
    """bob/secret, private, created with its first version attached as `patch_file`."""
    return call(
        "POST",
        f"{heavy}/a/patches/",
        token=bob,
        form={"owner_name": "bob", "patch_name": "secret", "public": "false"},
        files={"patch_file": zip_of({"_main.pd": SINE_PD})},
    ).json()
