"""Patches: read, create (every field variant of reference §3.2), delete, and their job list."""

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse

from server.heavy import documents, names, uploads
from server.heavy.compile_queue import Busy
from server.heavy.rate_limits import RateLimited
from server.heavy.records import Patch, User
from server.heavy.releases import ReleaseRefused
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import editable_patch, links, member, service, viewer, visible_patch
from server.heavy.unzip import UnsafeUpload

TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}


async def show(request: Request) -> JSONResponse:
    patch = await visible_patch(request, await viewer(request))
    return reply(await _document(request, patch))


async def job_list(request: Request) -> JSONResponse:
    patch = await visible_patch(request, await viewer(request))
    jobs = await run_in_threadpool(service(request).store.jobs, patch)
    return reply(documents.jobs(links(request), patch, jobs))


async def create(request: Request) -> JSONResponse:
    """Optionally with a `patch_file` (`.pd` or zip), compiled as job 1; if that upload is
    refused, so is the patch."""
    me = await member(request)
    form = await uploads.read_form(request)
    svc = service(request)
    patch = await run_in_threadpool(svc.store.create_patch, me, me, **_new_patch(form, me))
    if patch is None:
        raise Refusal(
            409,
            f'A patch called "{uploads.text(form, "patch_name", "name")}" '
            f'already exists for owner "{me.name}".',
        )
    upload = await uploads.file_bytes(form, "patch_file", "file")
    if upload is None:
        return reply(await _document(request, patch))
    try:
        job = await svc.compiles.run(svc.jobs.submit, patch, me, upload, None)
    except (UnsafeUpload, ReleaseRefused, RateLimited, Busy):
        await run_in_threadpool(svc.store.delete_patch, patch)
        raise
    body = await _document(request, patch)
    return reply(body | {"warnings": list(job.warnings), "errors": list(job.errors)})


def _new_patch(form: FormData, me: User) -> dict:
    """The fields of §3.2 in any of their documented spellings: `owner_name`, `name` or
    `patch_name`, `public`, and ours: `description`, `tags` (comma-separated)."""
    owner = uploads.text(form, "owner_name") or me.name
    name = uploads.text(form, "patch_name", "name")
    public = (uploads.text(form, "public") or "true").lower()
    if owner != me.name:
        raise Refusal(403, f'User "{me.name}" may not create patches for "{owner}".')
    if name is None or not names.valid(name):
        raise Refusal(
            400, "A patch name is 1 to 64 letters, digits, '_' or '-', starting with a letter or digit."
        )
    if public not in TRUE | FALSE:
        raise Refusal(400, f"public must be true or false, not {public!r}.")
    tags = [tag.strip() for tag in (uploads.text(form, "tags") or "").split(",") if tag.strip()]
    return {
        "name": name,
        "description": uploads.text(form, "description") or "",
        "tags": tags,
        "public": public in TRUE,
    }


async def delete(request: Request) -> JSONResponse:
    patch = await editable_patch(request, await member(request))
    await run_in_threadpool(service(request).jobs.delete, patch)
    return reply({"meta": {"deleted": patch.key}})


async def _document(request: Request, patch: Patch) -> dict:
    jobs = await run_in_threadpool(service(request).store.jobs, patch)
    return documents.patch(links(request), patch, jobs)
