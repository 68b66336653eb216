"""heavy's JSON:API documents as typed values: users, patches, jobs, targets, compile messages.

Read tolerantly: Enzien's documents and ours differ in optional fields (reference §3), and a
field that is missing is None rather than an error.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.json_values import as_dict, as_list

JsonDict = dict[str, Any]


def _related_ids(resource: JsonDict, name: str) -> tuple[str, ...]:
    related = as_dict(as_dict(resource.get("relationships")).get(name)).get("data")
    return tuple(str(as_dict(item).get("id")) for item in as_list(related))


@dataclass(frozen=True)
class CompileMessage:
    """One hvcc warning or error; where it can, it names the object, file and position."""

    detail: str
    code: str | None = None
    object: str | None = None
    file: str | None = None
    position: tuple[int, int] | None = None

    @classmethod
    def from_json(cls, data: Any) -> "CompileMessage":
        data = as_dict(data)
        meta = as_dict(data.get("meta"))
        position = as_dict(meta.get("position"))
        return cls(
            detail=str(data.get("detail") or data.get("title") or ""),
            code=None if data.get("code") is None else str(data["code"]),
            object=meta.get("object"),
            file=meta.get("file"),
            position=(int(position["x"]), int(position["y"])) if {"x", "y"} <= position.keys() else None,
        )


def _messages(values: Any) -> tuple[CompileMessage, ...]:
    return tuple(CompileMessage.from_json(value) for value in as_list(values))


@dataclass(frozen=True)
class Target:
    """A compiled target of a job; `size` is None until it has been built (built on demand)."""

    id: str  # owner/patch/N/c/src
    build_id: str  # c-src
    url: str
    size: int | None = None
    built_at: str | None = None

    @property
    def generator(self) -> str:
        """The generator path below the job: `c/src`, `web/local`, `unity/src`…"""
        return "/".join(self.id.split("/")[3:])

    @classmethod
    def from_json(cls, data: Any) -> "Target":
        data = as_dict(data)
        attributes = as_dict(data.get("data"))
        size = attributes.get("size")
        return cls(
            id=str(data.get("id", "")),
            build_id=str(attributes.get("buildId", "")),
            url=str(as_dict(data.get("links")).get("self", "")),
            size=int(size) if isinstance(size, int | float) else None,
            built_at=attributes.get("date"),
        )


@dataclass(frozen=True)
class Job:
    """One compiled version of a patch. A failed compile is a job with `errors`."""

    id: str  # owner/patch/N
    index: int
    release: str | None
    submitted_at: str | None
    compile_time: float | None
    html: str
    warnings: tuple[CompileMessage, ...] = ()
    errors: tuple[CompileMessage, ...] = ()
    targets: tuple[Target, ...] = ()
    unavailable: tuple[tuple[str, str], ...] = ()
    """The targets the service says it cannot build, each with why (ours, in the document's `meta`)."""

    @property
    def succeeded(self) -> bool:
        return not self.errors

    @classmethod
    def from_resource(cls, resource: JsonDict, document: JsonDict | None = None) -> "Job":
        """A job resource; `document` adds the targets (`included`) and the top-level messages."""
        attributes = as_dict(resource.get("attributes"))
        document = document or {}
        warnings = document.get("warnings", attributes.get("warnings"))
        errors = document.get("errors", attributes.get("errors"))
        compile_time = attributes.get("compileTime")
        return cls(
            id=str(resource.get("id", "")),
            index=int(attributes.get("index") or str(resource.get("id", "0")).rsplit("/", 1)[-1] or 0),
            release=attributes.get("release"),
            submitted_at=attributes.get("submittedAt"),
            compile_time=float(compile_time) if isinstance(compile_time, int | float) else None,
            html=str(as_dict(resource.get("links")).get("html", "")),
            warnings=_messages(warnings),
            errors=_messages(errors),
            targets=tuple(
                Target.from_json(item)
                for item in as_list(document.get("included"))
                if as_dict(item).get("type") == "file"
            ),
            unavailable=tuple(
                (str(as_dict(item).get("target") or ""), str(as_dict(item).get("detail") or ""))
                for item in as_list(as_dict(document.get("meta")).get("unavailable"))
                if as_dict(item).get("target")
            ),
        )


@dataclass(frozen=True)
class Patch:
    id: str  # owner/name
    name: str
    owner: str
    created_at: str | None = None
    description: str = ""
    tags: tuple[str, ...] = ()
    public: bool = True
    job_ids: tuple[str, ...] = field(default=())

    @classmethod
    def from_resource(cls, resource: JsonDict) -> "Patch":
        attributes = as_dict(resource.get("attributes"))
        patch_id = str(resource.get("id", ""))
        owner = as_dict(as_dict(as_dict(resource.get("relationships")).get("owner")).get("data")).get("id")
        return cls(
            id=patch_id,
            name=str(attributes.get("name") or patch_id.split("/")[-1]),
            owner=str(owner or patch_id.split("/")[0]),
            created_at=attributes.get("createdAt"),
            description=str(attributes.get("description") or ""),
            tags=tuple(str(tag) for tag in as_list(attributes.get("tags"))),
            public=bool(attributes.get("idPublic", attributes.get("isPublic", True))),
            job_ids=_related_ids(resource, "jobs"),
        )


@dataclass(frozen=True)
class HeavyUser:
    name: str
    created_at: str | None = None
    patch_ids: tuple[str, ...] = ()

    @classmethod
    def from_resource(cls, resource: JsonDict) -> "HeavyUser":
        attributes = as_dict(resource.get("attributes"))
        return cls(
            name=str(attributes.get("name") or resource.get("id", "")),
            created_at=attributes.get("createdAt"),
            patch_ids=_related_ids(resource, "patches"),
        )


@dataclass(frozen=True)
class Release:
    name: str
    release_date: str | None = None
    valid_until: date | None = None

    def days_left(self, today: date) -> int | None:
        """Days until it expires (negative once expired); None for releases that never do."""
        return None if self.valid_until is None else (self.valid_until - today).days

    @classmethod
    def from_entry(cls, name: str, entry: Any) -> "Release":
        entry = as_dict(entry)
        until = entry.get("validUntil")
        try:
            valid_until = date.fromisoformat(str(until)[:10]) if until else None
        except ValueError:
            valid_until = None
        return cls(name=name, release_date=entry.get("releaseDate"), valid_until=valid_until)


@dataclass(frozen=True)
class UserToken:
    """A labelled token of the signed-in user; `value` only in the reply that created it."""

    id: str
    label: str
    start_date: str | None = None
    created_at: str | None = None
    revoked_at: str | None = None
    value: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @classmethod
    def from_resource(cls, resource: JsonDict) -> "UserToken":
        attributes = as_dict(resource.get("attributes"))
        return cls(
            id=str(resource.get("id", "")),
            label=str(attributes.get("label") or ""),
            start_date=attributes.get("startDate"),
            created_at=attributes.get("createdAt"),
            revoked_at=attributes.get("revokedAt"),
            value=attributes.get("token"),
        )
