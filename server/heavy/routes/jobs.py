"""Jobs: compile a new version of a patch (synchronously, reference §3.3) and read one back."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from server.heavy import documents, uploads
from server.heavy.records import Job, Patch
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import (
    editable_patch,
    links,
    member,
    path_number,
    service,
    viewer,
    visible_patch,
)


async def submit(request: Request) -> JSONResponse:
    """Multipart `file` (a zip with `_main.pd`, or one `.pd`) and optional `release`."""
    me = await member(request)
    patch = await editable_patch(request, me)
    form = await uploads.read_form(request)
    upload = await uploads.file_bytes(form, "file")
    if upload is None:
        raise Refusal(400, "Send the patch as a multipart file field named 'file'.")
    job = await service(request).compiles.run(
        service(request).jobs.submit, patch, me, upload, uploads.text(form, "release")
    )
    return reply(await document(request, job))


async def show(request: Request) -> JSONResponse:
    patch = await visible_patch(request, await viewer(request))
    return reply(await document(request, await find(request, patch)))


async def find(request: Request, patch: Patch) -> Job:
    """The job the path names by number or as `latest`."""
    version = request.path_params["version"]
    index = None if version == "latest" else path_number(request, "version")
    if index is None and version != "latest":
        raise Refusal(404, f"{version!r} is neither a job number nor 'latest'.")
    job = await run_in_threadpool(service(request).store.job, patch, index)
    if job is None:
        raise Refusal(404, f"Patch {patch.key} has no job {version}.")
    return job


async def document(request: Request, job: Job) -> dict:
    svc = service(request)
    targets = await run_in_threadpool(svc.store.targets, job)
    return documents.job(links(request), job, targets, svc.targets.offered())
