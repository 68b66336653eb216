"""Uploads that must not be compiled get a clear error, and leave the service healthy."""

import io
import os
import stat
import zipfile

import pytest
from heavy_http import SINE_PD, call, create_patch, submit, zip_of


@pytest.fixture(scope="module")
def target(heavy, new_token) -> str:
    token = new_token("hal")
    create_patch(heavy, token, "target")
    return token


def refused(heavy, token, upload: bytes, **fields: str) -> dict:
    reply = submit(heavy, token, "target", upload, **fields)
    assert "data" not in reply
    return reply["errors"][0]


def symlink_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_main.pd", SINE_PD)
        link = zipfile.ZipInfo("sub.pd")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def bomb_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_main.pd", SINE_PD)
        archive.writestr("bomb.pd", b"\0" * (64 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        (zip_of({"_main.pd": SINE_PD, "../evil.pd": SINE_PD}), "'..'"),
        (zip_of({"_main.pd": SINE_PD, "/etc/evil.pd": SINE_PD}), "not a relative path"),
        (zip_of({"_main.pd": SINE_PD, "a/../../evil.pd": SINE_PD}), "'..'"),
        (symlink_zip(), "symbolic link"),
        (zip_of({"main.pd": SINE_PD}), "_main.pd"),
        (zip_of({"sub/_main.pd": SINE_PD}), "_main.pd"),
        (b"PK\3\4 this is not a zip", "neither a zip"),
        (zip_of({"_main.pd": SINE_PD, **{f"x{i}.pd": "" for i in range(300)}}), "limit is 256"),
    ],
    ids=[
        "dotdot",
        "absolute",
        "nested-dotdot",
        "symlink",
        "no-main",
        "main-not-at-root",
        "not-a-zip",
        "too-many-files",
    ],
)
def test_unsafe_archives_are_refused(heavy, target, upload, words):
    error = refused(heavy, target, upload)
    assert error["status"] == "400"
    assert words in error["detail"]


def test_zip_bomb_is_refused(heavy, target):
    upload = bomb_zip()
    assert len(upload) < 1024 * 1024
    error = refused(heavy, target, upload)
    assert "zip bomb" in error["detail"]


def test_oversized_upload_is_refused_softly(heavy, target):
    error = refused(heavy, target, zip_of({"_main.pd": SINE_PD, "noise.pd": os.urandom(1100000)}))
    assert error["status"] == "413"


def test_huge_request_is_refused_without_reading_it(heavy, target):
    reply = call(
        "POST",
        f"{heavy}/a/patches/hal/target/jobs/",
        token=target,
        headers={"Content-Type": "multipart/form-data; boundary=x", "Content-Length": str(64 * 1024 * 1024)},
        body=b"--x--\r\n",
    )
    assert reply.status == 413
    assert reply.json()["errors"][0]["status"] == "413"


def test_huge_request_without_a_token_is_refused_as_unauthorised_first(heavy):
    reply = call(
        "POST",
        f"{heavy}/a/patches/hal/target/jobs/",
        headers={"Content-Type": "multipart/form-data; boundary=x", "Content-Length": str(64 * 1024 * 1024)},
        body=b"--x--\r\n",
    )
    assert reply.status == 401
    assert reply.json()["errors"][0]["status"] == "401"


def test_malformed_form_is_refused_after_the_patch_is_found(heavy, target):
    """Who asks and which patch come first, as before the form is read."""
    junk = {"token": target, "headers": {"Content-Type": "multipart/form-data; boundary=x"}, "body": b"junk"}
    missing = call("POST", f"{heavy}/a/patches/hal/nowhere/jobs/", **junk)
    assert missing.status == 200 and missing.json()["errors"][0]["status"] == "404"
    malformed = call("POST", f"{heavy}/a/patches/hal/target/jobs/", **junk)
    assert malformed.status == 400 and malformed.json()["errors"][0]["status"] == "400"


def test_missing_file_field_is_refused(heavy, target):
    reply = call("POST", f"{heavy}/a/patches/hal/target/jobs/", token=target, form={"release": "dev"})
    assert "'file'" in reply.json()["errors"][0]["detail"]


def test_unknown_release_lists_the_valid_ones(heavy, target):
    error = refused(heavy, target, zip_of({"_main.pd": SINE_PD}), release="r1999.01")
    assert error["status"] == "400"
    assert "not available" in error["detail"] and "dev" in error["detail"]


def test_service_is_healthy_and_no_job_was_spent(heavy, target, live_server):
    test_zip_bomb_is_refused(heavy, target)
    assert call("GET", f"{heavy}/a/pingdb").status == 200
    assert call("GET", f"{heavy}/a/patches/hal/target/jobs/").json()["data"] == []
    job = submit(heavy, target, "target", zip_of({"_main.pd": SINE_PD}), release="dev")
    assert job["data"]["id"] == "hal/target/1"
    assert job["data"]["attributes"]["release"] == "dev"
