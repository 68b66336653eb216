"""The heavy client end to end against the live compile service, through the CPython transport."""

import asyncio
import io
import json
import urllib.request
import zipfile
from collections.abc import Callable
from datetime import date, datetime

import pytest

from app.api.errors import AuthRequired, BadRequest, NotFound
from app.api.transports.cpython import CpythonTransport
from app.heavy.client import HeavyClient
from app.heavy.token import read_token
from app.patches.bundle import build_bundle

SINE = b"""#N canvas 0 0 450 300 12;
#X obj 30 30 r freq @hv_param 20 2000 440;
#X obj 30 60 osc~ 440;
#X obj 30 90 *~ 0.1;
#X obj 30 120 dac~;
#X connect 0 0 1 0;
#X connect 1 0 2 0;
#X connect 2 0 3 0;
#X connect 2 0 3 1;
"""
UNKNOWN = b"""#N canvas 0 0 450 300 12;
#X obj 40 50 fiddle~;
#X obj 40 90 dac~;
#X connect 0 0 1 0;
"""


AFTER_EVERY_TOKEN = datetime(9000, 1, 1)
"""The client refuses a token dated after its clock; these were all just issued."""
RELEASES_CHECKED_ON = date(2026, 12, 6)


def issue_token(heavy: str, name: str) -> str:
    request = urllib.request.Request(f"{heavy}/test/tokens", data=f"name={name}&label=client".encode())
    with urllib.request.urlopen(request) as response:
        return json.load(response)["data"]["attributes"]["token"]


@pytest.fixture(scope="module")
def heavy(live_server: str) -> str:
    return live_server + "/heavy"


@pytest.fixture(scope="module")
def client_for(heavy: str) -> Callable[[str | None], HeavyClient]:
    def make(user: str | None) -> HeavyClient:
        token = read_token(issue_token(heavy, user), AFTER_EVERY_TOKEN) if user else None
        return HeavyClient(heavy, CpythonTransport(), token)

    return make


def run(coroutine):
    return asyncio.run(coroutine)


def test_releases_include_dev(client_for) -> None:
    releases = {release.name: release for release in run(client_for(None).releases())}
    assert "dev" in releases
    assert releases["dev"].days_left(RELEASES_CHECKED_ON) > 365
    assert any(release.days_left(RELEASES_CHECKED_ON) < 0 for release in releases.values()), (
        "expired ones listed"
    )


def test_create_compile_and_download_c_source(client_for) -> None:
    carol = client_for("carol")
    patch = run(carol.create_patch("client-sine", public=True, description="a <sine>"))
    assert (patch.id, patch.owner, patch.public, patch.description) == (
        "carol/client-sine",
        "carol",
        True,
        "a <sine>",
    )
    job = run(carol.compile("carol", "client-sine", build_bundle({"_main.pd": SINE}), release="dev"))
    assert job.succeeded and job.index == 1 and job.release == "dev"
    assert job.id == "carol/client-sine/1"
    targets = {target.generator: target for target in job.targets}
    assert "c/src" in targets and "web/local" in targets
    archive = zipfile.ZipFile(io.BytesIO(run(carol.download(targets["c/src"].url))))
    assert {"Heavy_client_sine.h", "Heavy_client_sine.cpp"} <= set(archive.namelist())

    assert [j.index for j in run(carol.jobs("carol", "client-sine"))] == [1]
    again = run(carol.job("carol", "client-sine", "latest"))
    assert again.id == job.id
    assert "carol/client-sine" in run(carol.user("carol")).patch_ids


def test_a_failing_compile_is_a_job_with_located_errors(client_for) -> None:
    carol = client_for("carol")
    run(carol.create_patch("client-broken"))
    job = run(carol.compile("carol", "client-broken", build_bundle({"_main.pd": UNKNOWN})))
    assert not job.succeeded
    first = job.errors[0]
    assert first.object == "fiddle~"
    assert first.file == "_main.pd"
    assert first.position == (40, 50)
    assert "fiddle~" in first.detail


def test_missing_patch_and_private_patch_are_not_found(client_for) -> None:
    dave, erin = client_for("dave"), client_for("erin")
    with pytest.raises(NotFound):
        run(dave.patch("dave", "no-such-patch"))
    run(dave.create_patch("client-hidden", public=False))
    assert run(dave.patch("dave", "client-hidden")).public is False
    with pytest.raises(NotFound):
        run(erin.patch("dave", "client-hidden"))
    assert "dave/client-hidden" not in run(erin.user("dave")).patch_ids


def test_deleting_a_patch(client_for) -> None:
    dave = client_for("dave")
    run(dave.create_patch("client-gone"))
    run(dave.delete_patch("dave", "client-gone"))
    with pytest.raises(NotFound):
        run(dave.patch("dave", "client-gone"))


def test_bad_names_are_refused_with_the_servers_message(client_for) -> None:
    with pytest.raises(BadRequest, match="patch name"):
        run(client_for("dave").create_patch("no spaces allowed"))


def test_tokens_can_be_created_listed_and_revoked(client_for, heavy: str) -> None:
    frank = client_for("frank")
    created = run(frank.create_token("laptop"))
    assert created.value and created.label == "laptop"
    laptop = HeavyClient(heavy, CpythonTransport(), read_token(created.value, AFTER_EVERY_TOKEN))
    assert run(laptop.user("frank")).name == "frank"
    listed = {token.id: token for token in run(frank.tokens())}
    assert listed[created.id].label == "laptop" and listed[created.id].value is None
    run(frank.revoke_token(created.id))
    assert {token.id: token for token in run(frank.tokens())}[created.id].revoked
    with pytest.raises(AuthRequired):
        run(laptop.create_patch("client-after-revoke"))
