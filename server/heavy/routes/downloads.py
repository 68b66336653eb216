"""Target archives under `/h/`, built on first request, and the web player served from one.

These are not the JSON API, so refusals carry real HTTP statuses (the uploader raises on them
and prints the URL); bodies are still JSON, never an HTML error page.
"""

from starlette.responses import Response

from server.heavy import archive_responses, job_files
from server.heavy.records import Job, Patch
from server.heavy.responses import Refusal
from server.heavy.routes.common import visible_patch
from server.heavy.routes.jobs import find
from server.heavy.targets import WEB, TargetRefused
from server.heavy.web import Call

PLAYER_TYPES = {
    "html": "text/html",
    "js": "text/javascript",
    "json": "application/json",
    "wasm": "application/wasm",
}


def archive(call: Call) -> Response:
    patch, job = _patch_and_job(call)
    path = call.path["target"]
    key = _archive_key(call, job, path)
    name = f"{patch.name}.{job.index}.{path.replace('/', '-')}.zip"
    try:
        return archive_responses.download(call.service.files, key, name)
    except FileNotFoundError as gone:
        raise Refusal(404, f"The {path} archive of job {job.key} is gone.", soft=False) from gone


def sources(call: Call) -> Response:
    """The version's `.pd` files as uploaded, named as Enzien's job page named them (`sine.3.pd.zip`)."""
    patch, job = _patch_and_job(call)
    try:
        content = job_files.sources(call.service.files, job.id)
    except FileNotFoundError as gone:
        why = "are gone" if job.succeeded else "were not kept: its compile failed"
        raise Refusal(404, f"The .pd files of job {job.key} {why}.", soft=False) from gone
    disposition = f'attachment; filename="{patch.name}.{job.index}.pd.zip"'
    return Response(content, media_type=archive_responses.ZIP, headers={"Content-Disposition": disposition})


def web_player(call: Call) -> Response:
    """One file of the `web/local` archive, so a browser can open its page right here."""
    _, job = _patch_and_job(call)
    name = call.path["file"]
    content = archive_responses.member(call.service.files, _archive_key(call, job, WEB), name)
    if content is None:
        raise Refusal(404, f"The {WEB} build has no file {name!r}.", soft=False)
    return Response(content, media_type=PLAYER_TYPES.get(name.rpartition(".")[2]))


def _patch_and_job(call: Call) -> tuple[Patch, Job]:
    try:
        patch = visible_patch(call, call.viewer)
        return patch, find(call, patch)
    except Refusal as refusal:
        raise Refusal(refusal.status, refusal.detail, soft=False) from refusal


def _archive_key(call: Call, job: Job, path: str) -> str:
    """Built already, or built now."""
    try:
        return call.service.targets.archive(job, path)
    except TargetRefused as refused:
        raise Refusal(refused.status, refused.detail, soft=False) from refused
