"""Bearer and cookie tokens in Enzien's shape, refused cleanly when bad, revocable."""

import base64
import hashlib
import hmac
import json
import string
from datetime import datetime, timedelta

import pytest
from heavy_http import call

UPLOADER_SERVICE_TOKEN = (
    "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9."
    "eyJzdGFydERhdGUiOiAiMjAxNi0xMi0xNVQyMzoyNToxMC4wOTU2MjIiLCAic2VydmljZSI6ICJoZWF2eV91cGxvYWRlciJ9."
    "w2o1_RttJUAiq6WyN0J7MhDsaSseISzgDAQ9aP9Di6M="
)


def segment(value: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


def assert_401(reply):
    assert reply.status == 401
    assert reply.headers["WWW-Authenticate"] == "Bearer"
    assert reply.json()["errors"][0]["status"] == "401"


@pytest.mark.parametrize("name", ["al", "bob", "carol", "dave1"])
def test_tokens_have_enziens_shape_and_decode_strictly(new_token, service_clock, name):
    before = service_clock(at="2031-05-17T12:00:00Z")
    token = new_token(name)
    after = service_clock(advance="0")
    header, payload, signature = token.split(".")
    assert all(len(part) % 4 == 0 for part in (header, payload, signature))
    assert base64.urlsafe_b64decode(header) == b'{"alg": "HS256", "typ": "JWT"}'
    claims = json.loads(base64.urlsafe_b64decode(payload))
    assert list(claims) == ["startDate", "name"] and claims["name"] == name
    start = datetime.strptime(claims["startDate"], "%Y-%m-%dT%H:%M:%S.%f")
    assert before - timedelta(seconds=1) <= start <= after - timedelta(seconds=1)
    assert len(base64.urlsafe_b64decode(signature)) == 32


def test_write_routes_need_a_token(heavy):
    assert_401(call("POST", f"{heavy}/a/patches/", form={"name": "x"}))


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Bearer not.a.token", "Bearer a.b"])
def test_malformed_authorization_is_refused_even_on_open_routes(heavy, header):
    assert_401(call("GET", f"{heavy}/a/users/demo/", headers={"Authorization": header}))


def test_forged_signature_is_refused(heavy, alice):
    header, payload, _ = alice.split(".")
    forged = hmac.new(b"guessed key", f"{header}.{payload}".encode(), hashlib.sha256).digest()
    token = f"{header}.{payload}.{base64.urlsafe_b64encode(forged).decode()}"
    assert_401(call("GET", f"{heavy}/a/patches/alice/sine/", token=token))


def test_token_for_another_name_is_refused(heavy, alice):
    header, _, signature = alice.split(".")
    other = segment({"startDate": "2020-01-01T00:00:00.000001", "name": "bob"})
    assert_401(call("GET", f"{heavy}/a/users/bob/", token=f"{header}.{other}.{signature}"))


def unused_bit_set(segment: str) -> str:
    """A 32-byte signature's 43rd character carries 2 bits that are not data: set the lowest."""
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    last = alphabet.index(segment[42])
    return segment[:42] + alphabet[last ^ 1] + segment[43:]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda token: token + "x",
        lambda token: token + "==",
        lambda token: token.replace(".", "x.", 1),
        lambda token: token.replace("=", "=x", 1),
        lambda token: token[: token.rindex(".") + 1] + unused_bit_set(token[token.rindex(".") + 1 :]),
    ],
)
def test_token_with_anything_around_its_base64_is_refused(heavy, alice, spoil):
    assert_401(call("GET", f"{heavy}/a/users/alice/tokens/", token=spoil(alice)))


def test_unpadded_token_still_works(heavy, alice):
    reply = call("GET", f"{heavy}/a/users/alice/tokens/", token=alice.replace("=", ""))
    assert reply.status == 200


def test_cookie_token_works_like_bearer(heavy, private_patch, bob):
    assert call("GET", f"{heavy}/a/patches/bob/secret/", cookie=bob).json()["data"]["id"] == "bob/secret"


def test_uploader_service_token_is_recognised_and_others_refused(heavy, alice):
    known = call(
        "GET",
        f"{heavy}/a/users/alice/",
        token=alice,
        headers={"X-Heavy-Service-Token": UPLOADER_SERVICE_TOKEN},
    )
    assert known.status == 200
    assert_401(
        call(
            "GET", f"{heavy}/a/users/alice/", token=alice, headers={"X-Heavy-Service-Token": "made.up.token"}
        )
    )


def test_labelled_tokens_are_listed_created_and_revoked(heavy, new_token):
    first = new_token("tess", label="laptop")
    created = call("POST", f"{heavy}/a/users/tess/tokens/", token=first, form={"label": "bela board"}).json()[
        "data"
    ]
    second = created["attributes"]["token"]
    listed = call("GET", f"{heavy}/a/users/tess/tokens/", token=second).json()["data"]
    assert [t["attributes"]["label"] for t in listed] == ["laptop", "bela board"]
    assert all("token" not in t["attributes"] for t in listed)

    revoked = call("DELETE", f"{heavy}/a/users/tess/tokens/{created['id']}/", token=first)
    assert revoked.json() == {"meta": {"revoked": created["id"]}}
    assert_401(call("GET", f"{heavy}/a/users/tess/", token=second))
    assert call("GET", f"{heavy}/a/users/tess/", token=first).status == 200
    again = call("DELETE", f"{heavy}/a/users/tess/tokens/{created['id']}/", token=first).json()
    assert again["errors"][0]["status"] == "404"


@pytest.mark.parametrize("token_id", ["99999999999999999999", "%C2%B2", "abc", "9" * 5000])
def test_revoking_a_token_number_out_of_range_is_a_soft_404(heavy, alice, token_id):
    reply = call("DELETE", f"{heavy}/a/users/alice/tokens/{token_id}/", token=alice)
    assert reply.status == 200 and reply.json()["errors"][0]["status"] == "404"


def test_tokens_of_someone_else_are_off_limits(heavy, alice):
    reply = call("GET", f"{heavy}/a/users/bob/tokens/", token=alice)
    assert reply.status == 200
    assert reply.json()["errors"][0]["status"] == "403"
