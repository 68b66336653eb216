"""Jobs: compile a new version of a patch (synchronously, reference §3.3) and read one back."""

from starlette.responses import JSONResponse

from server.heavy import documents
from server.heavy.records import Job, Patch
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import editable_patch, visible_patch
from server.heavy.web import Call


def submit(call: Call) -> JSONResponse:
    """Multipart `file` (a zip with `_main.pd`, or one `.pd`) and optional `release`."""
    me = call.member
    patch = editable_patch(call, me)
    upload = call.form.file("file")
    if upload is None:
        raise Refusal(400, "Send the patch as a multipart file field named 'file'.")
    job = call.service.jobs.submit(patch, me, upload, call.form.text("release"))
    return reply(document(call, job))


def show(call: Call) -> JSONResponse:
    patch = visible_patch(call, call.viewer)
    return reply(document(call, find(call, patch)))


def find(call: Call, patch: Patch) -> Job:
    """The job the path names by number or as `latest`."""
    version = call.path["version"]
    index = None if version == "latest" else call.number("version")
    if index is None and version != "latest":
        raise Refusal(404, f"{version!r} is neither a job number nor 'latest'.")
    job = call.service.store.job(patch, index)
    if job is None:
        raise Refusal(404, f"Patch {patch.key} has no job {version}.")
    return job


def document(call: Call, job: Job) -> dict:
    targets = call.service.targets
    return documents.job(
        call.links, job, call.service.store.targets(job), targets.offered(), targets.unavailable()
    )
