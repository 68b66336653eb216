"""Compiling: the synchronous job reply of §3.3, failed compiles as jobs, releases, numbering."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from heavy_http import SINE_PD, call, create_patch, submit, zip_of


def test_job_reply_has_what_the_uploader_reads(heavy, sine_job):
    data = sine_job["data"]
    assert data["type"] == "job" and data["id"] == "alice/sine/1"
    assert data["links"] == {"self": "/heavy/a/jobs/alice/sine/1", "html": "/heavy/h/alice/sine/1"}
    attributes = data["attributes"]
    assert attributes["index"] == 1 and attributes["status"] == "succeeded"
    assert attributes["release"] == newest_valid_release(heavy, attributes["submittedAt"][:10])
    assert isinstance(attributes["compileTime"], float)
    assert sine_job["warnings"] == [] and sine_job["errors"] == []
    assert data["relationships"]["patch"]["data"] == {"type": "patch", "id": "alice/sine"}
    assert data["relationships"]["submittedBy"]["data"] == {"type": "user", "id": "alice"}


def newest_valid_release(heavy: str, day: str) -> str:
    """The dated release of the catalogue that came out last among those valid on `day`."""
    valid = {
        name: release
        for name, release in call("GET", f"{heavy}/a/releases/").json().items()
        if name != "dev" and release["releaseDate"] <= day <= release["validUntil"]
    }
    return max(valid, key=lambda name: valid[name]["releaseDate"])


def test_included_files_list_every_target_with_c_built_eagerly(sine_job):
    files = {f["data"]["buildId"]: f for f in sine_job["included"]}
    assert {
        "c-src",
        "pdext-src",
        "dpf-src",
        "owl-src",
        "unity-src",
        "wwise-src",
        "fmod-src",
        "web-local",
    } <= set(files)
    c_src = files["c-src"]
    assert c_src["id"] == "alice/sine/1/c/src"
    assert c_src["links"]["self"] == "/heavy/h/alice/sine/1/c/src/archive.zip"
    assert c_src["data"]["mime"] == "application/zip" and c_src["data"]["size"] > 1000
    related = sine_job["data"]["relationships"]["files"]["data"]
    assert [f["id"] for f in related] == [f["id"] for f in sine_job["included"]]


def test_job_reads_back_by_number_and_as_latest(heavy, sine_job):
    for version in ("1", "latest"):
        body = call("GET", f"{heavy}/a/jobs/alice/sine/{version}/").json()
        assert body["data"]["id"] == "alice/sine/1"
        assert body["data"]["attributes"] == sine_job["data"]["attributes"]


def test_unknown_job_is_a_soft_404(heavy, sine_job):
    for version in ("99", "first"):
        error = call("GET", f"{heavy}/a/jobs/alice/sine/{version}").json()["errors"][0]
        assert error["status"] == "404"


@pytest.mark.parametrize("version", ["99999999999999999999", "%C2%B2", "%E0%A5%A7", "9" * 5000, "-1"])
def test_job_numbers_a_database_cannot_hold_or_not_in_ascii_digits_are_soft_404s(heavy, sine_job, version):
    reply = call("GET", f"{heavy}/a/jobs/alice/sine/{version}")
    assert reply.status == 200 and reply.json()["errors"][0]["status"] == "404"


def test_job_list_of_a_patch(heavy, sine_job):
    body = call("GET", f"{heavy}/a/patches/alice/sine/jobs").json()
    assert [job["id"] for job in body["data"]] == ["alice/sine/1"]
    assert body["links"]["self"] == "/heavy/a/patches/alice/sine/jobs"


def test_failed_compile_is_a_job_whose_errors_name_object_file_position(failed_job):
    assert failed_job["data"]["attributes"]["status"] == "failed"
    assert failed_job["included"] == []
    unknown = failed_job["errors"][0]
    assert unknown["code"] == "2001"
    assert unknown["meta"] == {
        "stage": "pd2hv",
        "object": "fiddle~",
        "file": "_main.pd",
        "position": {"x": 120, "y": 70},
    }
    assert unknown["detail"].startswith('[fiddle~] in "_main.pd" @ (x:120, y:70): ')
    assert all(error["detail"] for error in failed_job["errors"])
    assert failed_job["data"]["attributes"]["errors"] == failed_job["errors"]


def test_failed_job_has_nothing_to_download(heavy, failed_job):
    reply = call("GET", f"{heavy}/h/alice/broken/1/c/src/archive.zip")
    assert reply.status == 404
    assert "compile failed" in reply.json()["errors"][0]["detail"]


def test_errors_in_an_abstraction_name_its_file(heavy, new_token):
    token = new_token("fay")
    create_patch(heavy, token, "nested")
    upload = zip_of(
        {
            "_main.pd": "#N canvas 0 0 400 300 12;\n#X obj 10 10 voice;\n#X obj 10 50 dac~;\n"
            "#X connect 0 0 1 0;\n",
            "voice.pd": "#N canvas 0 0 400 300 12;\n#X obj 50 60 bonk~;\n#X obj 50 90 outlet~;\n",
        }
    )
    error = submit(heavy, token, "nested", upload)["errors"][0]
    assert error["meta"]["object"] == "bonk~"
    assert error["meta"]["file"] == "voice.pd"
    assert error["meta"]["position"] == {"x": 50, "y": 60}


def test_concurrent_jobs_are_numbered_without_loss(heavy, new_token):
    token = new_token("gil")
    create_patch(heavy, token, "busy")
    upload = zip_of({"_main.pd": SINE_PD})
    with ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(lambda _: submit(heavy, token, "busy", upload), range(4)))
    assert sorted(r["data"]["attributes"]["index"] for r in replies) == [1, 2, 3, 4]
    listed = call("GET", f"{heavy}/a/patches/gil/busy/jobs/", token=token).json()["data"]
    assert [job["attributes"]["index"] for job in listed] == [1, 2, 3, 4]
    assert call("GET", f"{heavy}/a/jobs/gil/busy/latest/").json()["data"]["id"] == "gil/busy/4"
