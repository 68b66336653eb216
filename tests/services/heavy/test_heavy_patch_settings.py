"""A patch's settings after its creation: `PATCH /a/patches/{owner}/{patch}/` with form fields or a
JSON:API document, answered with the patch document; only its owner may."""

import json

import pytest
from heavy_http import call, create_patch


@pytest.fixture
def tune(heavy, new_token) -> str:
    token = new_token("carol")
    call("DELETE", f"{heavy}/a/patches/carol/tune/", token=token)
    create_patch(heavy, token, "tune", description="first words", tags="a,b")
    return token


def attributes(heavy: str, token: str | None = None) -> dict:
    return call("GET", f"{heavy}/a/patches/carol/tune/", token=token).json()["data"]["attributes"]


def test_form_fields_change_visibility_and_description_and_keep_the_rest(heavy, tune):
    reply = call("PATCH", f"{heavy}/a/patches/carol/tune/", token=tune, form={"public": "false"})
    changed = reply.json()["data"]["attributes"]
    assert changed["idPublic"] is False and changed["description"] == "first words"
    assert changed["tags"] == ["a", "b"]
    assert "errors" in call("GET", f"{heavy}/a/patches/carol/tune/").json()
    assert call("GET", f"{heavy}/a/users/carol/").json()["data"]["relationships"]["patches"]["data"] == []

    form = {"description": "", "public": "true"}
    changed = call("PATCH", f"{heavy}/a/patches/carol/tune/", token=tune, form=form).json()["data"][
        "attributes"
    ]
    assert changed["description"] == "" and changed["idPublic"] is True
    assert attributes(heavy) == changed


def test_a_json_api_document_changes_them_too(heavy, tune):
    document = {
        "data": {
            "type": "patch",
            "id": "carol/tune",
            "attributes": {"idPublic": False, "description": "new", "tags": ["x"]},
        }
    }
    reply = call(
        "PATCH",
        f"{heavy}/a/patches/carol/tune",
        token=tune,
        headers={"Content-Type": "application/vnd.api+json"},
        body=json.dumps(document).encode(),
    )
    changed = reply.json()["data"]["attributes"]
    assert (changed["idPublic"], changed["description"], changed["tags"]) == (False, "new", ["x"])
    assert attributes(heavy, tune) == changed


def test_only_the_owner_may_and_bad_values_are_refused(heavy, tune, alice):
    refused = call("PATCH", f"{heavy}/a/patches/carol/tune/", token=alice, form={"public": "false"}).json()
    assert refused["errors"] == [{"status": "403", "detail": "User is not authorised to edit this patch."}]
    assert call("PATCH", f"{heavy}/a/patches/carol/tune/", form={"public": "false"}).status == 401
    bad = call("PATCH", f"{heavy}/a/patches/carol/tune/", token=tune, form={"public": "maybe"}).json()
    assert bad["errors"] == [{"status": "400", "detail": "public must be true or false, not 'maybe'."}]
    not_json = call(
        "PATCH",
        f"{heavy}/a/patches/carol/tune/",
        token=tune,
        headers={"Content-Type": "application/json"},
        body=b"{",
    )
    assert not_json.status == 400 and "JSON:API document" in not_json.json()["errors"][0]["detail"]
    assert attributes(heavy)["idPublic"] is True
