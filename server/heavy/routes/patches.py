"""Patches: read, create (every field variant of reference §3.2), delete, and their job list."""

from starlette.responses import JSONResponse, Response

from server import calls
from server.heavy import documents, names
from server.heavy.rate_limits import RateLimited
from server.heavy.records import Patch, User
from server.heavy.releases import ReleaseRefused
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import editable_patch, visible_patch
from server.heavy.unzip import UnsafeUpload
from server.heavy.uploads import Form
from server.heavy.web import Call, Controller, compiling

TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}
UPLOAD = ("patch_file", "file")
"""The fields a new patch's first version may come in."""


def show(call: Call) -> JSONResponse:
    patch = visible_patch(call, call.viewer)
    return reply(_document(call, patch))


def job_list(call: Call) -> JSONResponse:
    patch = visible_patch(call, call.viewer)
    return reply(documents.jobs(call.links, patch, call.service.store.jobs(patch)))


def create(call: Call) -> JSONResponse:
    """Optionally with a `patch_file` (`.pd` or zip), compiled as job 1; if that upload is
    refused, so is the patch."""
    me = call.member
    svc = call.service
    patch = svc.store.create_patch(me, me, **_new_patch(call.form, me))
    if patch is None:
        raise Refusal(
            409,
            f'A patch called "{call.form.text("patch_name", "name")}" already exists for owner "{me.name}".',
        )
    upload = call.form.file(*UPLOAD)
    if upload is None:
        return reply(_document(call, patch))
    try:
        job = svc.jobs.submit(patch, me, upload, None)
    except (UnsafeUpload, ReleaseRefused, RateLimited):
        svc.jobs.delete(patch)
        raise
    body = _document(call, patch)
    return reply(body | {"warnings": list(job.warnings), "errors": list(job.errors)})


async def creating(controller: Controller, call: Call) -> Response:
    """A new patch with a first version waits for its compile: on the compile queue; one without,
    in a worker thread."""
    uploading = isinstance(call.sent, Form) and call.sent.file(*UPLOAD) is not None
    return await (compiling if uploading else calls.in_worker_thread)(controller, call)


def _new_patch(form: Form, me: User) -> dict:
    """The fields of §3.2 in any of their documented spellings: `owner_name`, `name` or
    `patch_name`, `public`, and ours: `description`, `tags` (comma-separated)."""
    owner = form.text("owner_name") or me.name
    name = form.text("patch_name", "name")
    if owner != me.name:
        raise Refusal(403, f'User "{me.name}" may not create patches for "{owner}".')
    if name is None or not names.valid(name):
        raise Refusal(
            400, "A patch name is 1 to 64 letters, digits, '_' or '-', starting with a letter or digit."
        )
    return {
        "name": name,
        "description": form.text("description") or "",
        "tags": _tags(form.text("tags") or ""),
        "public": _public(form.text("public") or "true"),
    }


def update(call: Call) -> JSONResponse:
    """A patch's settings after its creation (`PATCH`, form fields or a JSON:API document):
    `public` (or `idPublic`), `description`, `tags`; a field not sent keeps its value."""
    patch = editable_patch(call, call.member)
    form = call.form
    public, description, tags = form.sent("public"), form.sent("description"), form.sent("tags")
    updated = call.service.store.update_patch(
        patch,
        description=patch.description if description is None else description,
        tags=list(patch.tags) if tags is None else _tags(tags),
        public=patch.public if public is None else _public(public),
    )
    return reply(_document(call, updated))


def _public(text: str) -> bool:
    if text.lower() not in TRUE | FALSE:
        raise Refusal(400, f"public must be true or false, not {text!r}.")
    return text.lower() in TRUE


def _tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


def delete(call: Call) -> JSONResponse:
    patch = editable_patch(call, call.member)
    call.service.jobs.delete(patch)
    return reply({"meta": {"deleted": patch.key}})


def _document(call: Call, patch: Patch) -> dict:
    return documents.patch(call.links, patch, call.service.store.jobs(patch))
