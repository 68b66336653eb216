"""Patches: the §3.2 field variants, soft errors the uploader relies on, privacy, deletion."""

import pytest
from heavy_http import SINE_PD, call, create_patch, zip_of


def soft_error(reply) -> dict:
    assert reply.status == 200
    return reply.json()["errors"][0]


def test_missing_patch_is_http_200_with_status_404(heavy, alice):
    error = soft_error(call("GET", f"{heavy}/a/patches/alice/nothing/", token=alice))
    assert error["status"] == "404"
    assert "nothing" in error["detail"]


def test_patch_document_has_the_reference_shape(heavy, sine_job):
    body = call("GET", f"{heavy}/a/patches/alice/sine").json()
    data = body["data"]
    assert data["type"] == "patch" and data["id"] == "alice/sine"
    assert data["attributes"]["idPublic"] is True
    assert data["attributes"]["name"] == "sine"
    assert data["relationships"]["owner"]["data"] == {"type": "user", "id": "alice"}
    assert data["relationships"]["jobs"]["data"][0] == {
        "type": "job",
        "id": "alice/sine/1",
        "links": {"self": "/heavy/a/jobs/alice/sine/1", "html": "/heavy/h/alice/sine/1"},
    }
    assert body["links"] == {"self": "/heavy/a/patches/alice/sine", "html": "/heavy/h/alice/sine"}


@pytest.mark.parametrize(
    "fields",
    [
        {"owner_name": "carl", "name": "one", "public": "true"},
        {"owner_name": "carl", "patch_name": "two"},
        {"patch_name": "three", "name": "Display name ignored"},
        {"name": "four", "description": "about it", "tags": "drone, test"},
    ],
)
def test_every_creation_variant_makes_the_patch(heavy, new_token, fields):
    token = new_token("carl")
    data = call("POST", f"{heavy}/a/patches/", token=token, form=fields).json()["data"]
    name = fields.get("patch_name", fields.get("name"))
    assert data["id"] == f"carl/{name}"
    assert call("GET", f"{heavy}/a/patches/carl/{name}/").json()["data"]["id"] == f"carl/{name}"


def test_creation_is_multipart_too(heavy, new_token):
    token = new_token("carl")
    reply = call("POST", f"{heavy}/a/patches/", token=token, form={"name": "multi"}, files={})
    assert reply.json()["data"]["id"] == "carl/multi"


def test_description_and_tags_are_kept(heavy, new_token):
    token = new_token("dora")
    create_patch(heavy, token, "tagged", description="A drone", tags="drone, slow")
    attributes = call("GET", f"{heavy}/a/patches/dora/tagged").json()["data"]["attributes"]
    assert attributes["description"] == "A drone"
    assert attributes["tags"] == ["drone", "slow"]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"owner_name": "bob", "name": "theirs"}, "403"),
        ({"owner_name": "alice", "name": "../x"}, "400"),
        ({"owner_name": "alice"}, "400"),
        ({"owner_name": "alice", "name": "ok", "public": "maybe"}, "400"),
    ],
)
def test_bad_creations_are_soft_errors(heavy, alice, fields, status):
    assert soft_error(call("POST", f"{heavy}/a/patches/", token=alice, form=fields))["status"] == status


def test_creation_with_an_unusable_patch_file_leaves_no_patch(heavy, alice):
    reply = call(
        "POST",
        f"{heavy}/a/patches/",
        token=alice,
        form={"name": "slipped"},
        files={"patch_file": zip_of({"../_main.pd": SINE_PD})},
    )
    assert soft_error(reply)["status"] == "400"
    assert soft_error(call("GET", f"{heavy}/a/patches/alice/slipped/"))["status"] == "404"


def test_creating_twice_is_a_conflict(heavy, alice, sine_job):
    assert (
        soft_error(call("POST", f"{heavy}/a/patches/", token=alice, form={"name": "sine"}))["status"] == "409"
    )


def test_patch_file_compiles_version_one(private_patch):
    jobs = private_patch["data"]["relationships"]["jobs"]["data"]
    assert [job["id"] for job in jobs] == ["bob/secret/1"]
    assert private_patch["errors"] == []
    assert private_patch["data"]["attributes"]["idPublic"] is False


def test_private_patch_is_invisible_to_strangers(heavy, private_patch, alice, bob):
    for path in ("/a/patches/bob/secret/", "/a/patches/bob/secret/jobs/", "/a/jobs/bob/secret/1/"):
        assert soft_error(call("GET", heavy + path, token=alice))["status"] == "404"
        assert soft_error(call("GET", heavy + path))["status"] == "404"
        assert "data" in call("GET", heavy + path, token=bob).json()
    listed = call("GET", f"{heavy}/a/users/bob/", token=alice).json()
    assert listed["data"]["relationships"]["patches"]["data"] == []
    own = call("GET", f"{heavy}/a/users/bob/", token=bob).json()
    assert [p["id"] for p in own["data"]["relationships"]["patches"]["data"]] == ["bob/secret"]
    download = call("GET", f"{heavy}/h/bob/secret/1/c/src/archive.zip", token=alice)
    assert download.status == 404 and download.json()["errors"][0]["status"] == "404"


def test_stranger_cannot_delete_or_compile_into_a_public_patch(heavy, sine_job, bob):
    assert soft_error(call("DELETE", f"{heavy}/a/patches/alice/sine/", token=bob))["status"] == "403"
    reply = call(
        "POST",
        f"{heavy}/a/patches/alice/sine/jobs/",
        token=bob,
        files={"file": zip_of({"_main.pd": SINE_PD})},
    )
    assert soft_error(reply) == {"status": "403", "detail": "User is not authorised to edit this patch."}


def test_owner_deletes_a_patch_and_its_jobs(heavy, new_token):
    token = new_token("erin")
    created = call(
        "POST",
        f"{heavy}/a/patches/",
        token=token,
        form={"name": "gone"},
        files={"patch_file": SINE_PD.encode()},
    ).json()
    assert created["data"]["relationships"]["jobs"]["data"][0]["id"] == "erin/gone/1"
    assert call("DELETE", f"{heavy}/a/patches/erin/gone", token=token).json() == {
        "meta": {"deleted": "erin/gone"}
    }
    assert soft_error(call("GET", f"{heavy}/a/patches/erin/gone/"))["status"] == "404"
    assert call("GET", f"{heavy}/h/erin/gone/1/c/src/archive.zip").status == 404


def test_unknown_user_is_a_soft_404(heavy):
    assert soft_error(call("GET", f"{heavy}/a/users/nobody-here/"))["status"] == "404"


def test_user_document_lists_public_patches(heavy, sine_job):
    body = call("GET", f"{heavy}/a/users/alice").json()
    assert body["data"]["attributes"]["name"] == "alice"
    assert body["data"]["relationships"]["orgs"] == {"data": []}
    ids = [p["id"] for p in body["data"]["relationships"]["patches"]["data"]]
    assert "alice/sine" in ids
    assert body["links"] == {"self": "/heavy/a/users/alice", "html": "/heavy/h/alice"}
