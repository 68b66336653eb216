"""The JSON:API-flavoured bodies of reference §3, with links under the service's mount prefix.

Links are absolute paths like Enzien's (`/a/…` for data, `/h/…` for pages and downloads), with
the prefix the service is mounted under in front, so joining them onto the host works.
"""

from dataclasses import dataclass

from server.heavy.records import Job, Patch, Target, Token, User


@dataclass(frozen=True)
class Links:
    root: str

    def pair(self, kind: str, key: str) -> dict[str, str]:
        return {"self": f"{self.root}/a/{kind}/{key}", "html": f"{self.root}/h/{key}"}

    def archive(self, job: Job, path: str) -> str:
        return f"{self.root}/h/{job.key}/{path}/archive.zip"


def errors(status: int, detail: str) -> dict:
    return {"errors": [{"status": str(status), "detail": detail}]}


def user(links: Links, person: User, patches: list[Patch]) -> dict:
    return {
        "data": {
            "type": "user",
            "id": person.name,
            "attributes": {"name": person.name, "createdAt": person.created_at},
            "relationships": {
                "orgs": {"data": []},
                "patches": {"data": [_patch_ref(links, p) for p in patches]},
            },
        },
        "links": links.pair("users", person.name),
    }


def patch(links: Links, record: Patch, jobs: list[Job]) -> dict:
    return {
        "data": {
            "type": "patch",
            "id": record.key,
            "attributes": {
                "name": record.name,
                "createdAt": record.created_at,
                "description": record.description,
                "tags": list(record.tags),
                "idPublic": record.public,
            },
            "relationships": {
                "owner": _user_ref(links, record.owner),
                "creator": _user_ref(links, record.creator),
                "jobs": {"data": [_job_ref(links, j) for j in jobs]},
            },
            "links": links.pair("patches", record.key),
        },
        "links": links.pair("patches", record.key),
    }


def job(
    links: Links, record: Job, targets: dict[str, Target], offered: list[str], unavailable: dict[str, str]
) -> dict:
    """The reply to a compile: warnings and errors both in attributes and at the top level; for a
    successful one, its files, and in `meta` the targets this server cannot build and why."""
    if not record.succeeded:
        offered, unavailable = [], {}
    files = [_file(links, record, path, targets.get(path)) for path in offered]
    cannot = [{"target": path, "detail": why} for path, why in unavailable.items()]
    return {
        "data": job_resource(links, record, files),
        "included": files,
        "warnings": list(record.warnings),
        "errors": list(record.errors),
        "links": links.pair("jobs", record.key),
        "meta": {"unavailable": cannot},
    }


def jobs(links: Links, record: Patch, records: list[Job]) -> dict:
    return {
        "data": [job_resource(links, j, []) for j in records],
        "links": {
            "self": f"{links.root}/a/patches/{record.key}/jobs",
            "html": f"{links.root}/h/{record.key}",
        },
    }


def job_resource(links: Links, record: Job, files: list[dict]) -> dict:
    return {
        "type": "job",
        "id": record.key,
        "attributes": {
            "compileTime": record.compile_time,
            "index": record.index,
            "release": record.release,
            "submittedAt": record.submitted_at,
            "status": "succeeded" if record.succeeded else "failed",
            "warnings": list(record.warnings),
            "errors": list(record.errors),
        },
        "links": links.pair("jobs", record.key),
        "relationships": {
            "files": {"data": [{"type": "file", "id": f["id"]} for f in files]},
            "patch": {
                "data": {"type": "patch", "id": record.patch.key},
                "links": links.pair("patches", record.patch.key),
            },
            "submittedBy": _user_ref(links, record.submitted_by),
        },
    }


def tokens(records: list[Token]) -> dict:
    return {"data": [token_resource(t) for t in records]}


def token_resource(record: Token, value: str | None = None) -> dict:
    """A token's row; its signed string only in the reply that created it."""
    attributes = {
        "label": record.label,
        "startDate": record.start_date,
        "createdAt": record.created_at,
        "revokedAt": record.revoked_at,
    }
    if value is not None:
        attributes["token"] = value
    return {"type": "token", "id": str(record.id), "attributes": attributes}


def _file(links: Links, record: Job, path: str, built: Target | None) -> dict:
    return {
        "type": "file",
        "id": f"{record.key}/{path}",
        "data": {
            "buildId": path.replace("/", "-"),
            "compileTime": built and built.compile_time,
            "date": built and built.built_at,
            "mime": "application/zip",
            "size": built and built.size,
        },
        "links": {"self": links.archive(record, path)},
    }


def _patch_ref(links: Links, record: Patch) -> dict:
    return {"type": "patch", "id": record.key, "links": links.pair("patches", record.key)}


def _job_ref(links: Links, record: Job) -> dict:
    return {"type": "job", "id": record.key, "links": links.pair("jobs", record.key)}


def _user_ref(links: Links, name: str) -> dict:
    return {"data": {"type": "user", "id": name}, "links": links.pair("users", name)}
