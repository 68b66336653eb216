"""Enzien's `/h/` pages: HTML that opens the studio there for a browser, the API's JSON for a client
that asks for it; a version's `.pd` files back as a zip."""

import io
import zipfile

import pytest
from heavy_http import SINE_PD, call, zip_names

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
JSON = {"Accept": "application/json"}


@pytest.mark.parametrize(
    ("page", "studio"),
    [
        ("/h/alice", "/#/heavy/u/alice"),
        ("/h/alice/sine", "/#/heavy/p/alice/sine"),
        ("/h/alice/sine/1", "/#/heavy/p/alice/sine/1"),
        ("/h/alice/sine/latest/", "/#/heavy/p/alice/sine/latest"),
    ],
)
def test_a_browser_is_sent_to_the_studio_page(live_server, sine_job, page, studio):
    for base in (live_server, live_server + "/heavy"):
        reply = call("GET", base + page, headers=HTML)
        assert reply.status == 200 and reply.headers.get_content_type() == "text/html"
        text = reply.body.decode()
        assert f'<meta http-equiv="refresh" content="0; url={studio}">' in text
        assert f'<a href="{studio}">open it</a>' in text


def test_the_job_url_the_uploader_prints_is_a_page(live_server, sine_job):
    job_url = sine_job["data"]["links"]["html"].removeprefix("/heavy")
    reply = call("GET", live_server + job_url)
    assert reply.status == 200 and "Version 1 of alice/sine" in reply.body.decode()


def test_a_name_no_user_can_have_is_no_page(live_server):
    reply = call("GET", live_server + "/h/%3Cb%3E%22x", headers=HTML)
    assert reply.status == 404 and "<b>" not in reply.body.decode()


def test_a_client_asking_for_json_gets_the_apis_documents(heavy, sine_job):
    user = call("GET", f"{heavy}/h/alice", headers=JSON).json()
    assert user["data"]["type"] == "user" and user["data"]["id"] == "alice"
    patch = call("GET", f"{heavy}/h/alice/sine/", headers=JSON).json()
    assert patch == call("GET", f"{heavy}/a/patches/alice/sine/").json()
    job = call("GET", f"{heavy}/h/alice/sine/1", headers=JSON).json()
    assert job == call("GET", f"{heavy}/a/jobs/alice/sine/1").json()
    missing = call("GET", f"{heavy}/h/alice/nothing", headers=JSON)
    assert missing.status == 200 and missing.json()["errors"][0]["status"] == "404"


def test_private_pages_answer_json_only_to_their_owner(heavy, private_patch, bob, alice):
    assert call("GET", f"{heavy}/h/bob/secret", headers=JSON).json()["errors"][0]["status"] == "404"
    assert call("GET", f"{heavy}/h/bob/secret", headers=JSON, token=alice).json()["errors"]
    assert call("GET", f"{heavy}/h/bob/secret", headers=JSON, token=bob).json()["data"]["id"] == "bob/secret"


def test_a_versions_pd_files_download_as_uploaded(heavy, sine_job):
    reply = call("GET", f"{heavy}/h/alice/sine/1/pd/archive.zip")
    assert reply.status == 200 and reply.headers.get_content_type() == "application/zip"
    assert 'filename="sine.1.pd.zip"' in reply.headers["Content-Disposition"]
    assert zip_names(reply.body) == ["_main.pd"]
    assert zipfile.ZipFile(io.BytesIO(reply.body)).read("_main.pd").decode() == SINE_PD


def test_private_pd_files_are_for_their_owner_only(heavy, private_patch, bob, alice):
    assert call("GET", f"{heavy}/h/bob/secret/1/pd/archive.zip").status == 404
    assert call("GET", f"{heavy}/h/bob/secret/1/pd/archive.zip", token=alice).status == 404
    assert call("GET", f"{heavy}/h/bob/secret/1/pd/archive.zip", token=bob).status == 200


def test_a_failed_versions_pd_files_say_why_they_are_not_there(heavy, failed_job):
    reply = call("GET", f"{heavy}/h/alice/broken/1/pd/archive.zip")
    assert reply.status == 404
    assert (
        reply.json()["errors"][0]["detail"]
        == "The .pd files of job alice/broken/1 were not kept: its compile failed."
    )
