"""heavy documents → models, and refusals → exceptions, on Enzien's shapes and ours."""

from datetime import date

import pytest

from app.api.errors import AuthRequired, BadRequest, Forbidden, NotFound, ServerError
from app.api.transport import Response
from app.heavy.client import refusal
from app.heavy.models import CompileMessage, Job, Patch, Release, Target

ENZIEN_JOB = {  # the shape of the 2017 sample: warnings only under attributes, no meta
    "data": {
        "type": "job",
        "id": "enzienaudio/test/3",
        "attributes": {
            "compileTime": 0.92,
            "index": 3,
            "release": "r2017.09",
            "submittedAt": "2017-10-01T10:00:00.123456",
            "warnings": [{"detail": "w1"}],
        },
        "links": {"html": "/h/enzienaudio/test/3", "self": "/a/jobs/enzienaudio/test/3"},
    },
    "included": [
        {
            "type": "file",
            "id": "enzienaudio/test/3/c/src",
            "data": {"buildId": "c-src", "mime": "application/zip", "size": 1234, "date": "2017-10-01"},
            "links": {"self": "/h/enzienaudio/test/3/c/src/archive.zip"},
        },
        {
            "type": "file",
            "id": "enzienaudio/test/3/unity/win/x64",
            "data": {"buildId": "unity-win-x64", "size": None},
            "links": {"self": "/h/x"},
        },
    ],
}


def test_an_enzien_job_document() -> None:
    job = Job.from_resource(ENZIEN_JOB["data"], ENZIEN_JOB)
    assert (job.id, job.index, job.release, job.compile_time) == ("enzienaudio/test/3", 3, "r2017.09", 0.92)
    assert job.succeeded and [w.detail for w in job.warnings] == ["w1"]
    assert [(t.generator, t.size) for t in job.targets] == [("c/src", 1234), ("unity/win/x64", None)]
    assert job.html == "/h/enzienaudio/test/3"


def test_top_level_errors_win_and_keep_their_location() -> None:
    document = {
        **ENZIEN_JOB,
        "errors": [
            {
                "detail": '[fiddle~] in "_main.pd" @ (x:40, y:50): '
                'Do not know how to parse object "fiddle~".',
                "code": "2001",
                "meta": {"object": "fiddle~", "file": "_main.pd", "position": {"x": 40, "y": 50}},
            }
        ],
    }
    job = Job.from_resource(document["data"], document)
    assert not job.succeeded
    assert job.errors[0] == CompileMessage(
        document["errors"][0]["detail"], "2001", "fiddle~", "_main.pd", (40, 50)
    )


def test_a_message_without_meta_is_just_its_detail() -> None:
    assert CompileMessage.from_json({"detail": "boom"}) == CompileMessage("boom")
    assert CompileMessage.from_json("garbage") == CompileMessage("")


def test_patch_reads_the_misspelt_public_flag() -> None:
    jobs = {"data": [{"type": "job", "id": "alice/sine/1"}]}
    patch = Patch.from_resource(
        {
            "type": "patch",
            "id": "alice/sine",
            "relationships": {"jobs": jobs},
            "attributes": {"name": "sine", "idPublic": False, "tags": ["a"]},
        }
    )
    assert (patch.owner, patch.public, patch.tags) == ("alice", False, ("a",))
    assert patch.job_ids == ("alice/sine/1",)


def test_release_expiry() -> None:
    release = Release.from_entry("r2017.09", {"releaseDate": "2017-09-27", "validUntil": "2018-03-31"})
    assert release.days_left(date(2018, 3, 1)) == 30
    assert Release.from_entry("odd", {"validUntil": "soon"}).valid_until is None


def test_target_generator_is_the_path_below_the_job() -> None:
    assert Target("o/p/12/web/local", "web-local", "/h/o/p/12/web/local/archive.zip").generator == "web/local"


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (200, {"errors": [{"status": "404", "detail": "no patch"}]}, NotFound),
        (200, {"errors": [{"status": "403", "detail": "not yours"}]}, Forbidden),
        (401, {"errors": [{"status": "401", "detail": "bad token"}]}, AuthRequired),
        (200, {"errors": [{"status": "400", "detail": "bad name"}]}, BadRequest),
        (502, None, ServerError),
    ],
)
def test_refusals_become_their_exception_with_the_message(status, body, kind) -> None:
    error = refusal(Response(status), body)
    assert isinstance(error, kind)
    if body:
        assert error.message == body["errors"][0]["detail"]
