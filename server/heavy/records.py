"""The rows the service keeps, as plain values the routes and documents read."""

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: int
    name: str
    created_at: str


@dataclass(frozen=True)
class Token:
    id: int
    user: User
    label: str
    start_date: str
    created_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class Patch:
    id: int
    owner: str
    creator: str
    name: str
    description: str
    tags: tuple[str, ...]
    public: bool
    created_at: str

    @property
    def key(self) -> str:
        return f"{self.owner}/{self.name}"

    def visible_to(self, viewer: User | None) -> bool:
        """Private patches exist only for their owner; to anyone else they are not there."""
        return self.public or (viewer is not None and viewer.name == self.owner)


@dataclass(frozen=True)
class Target:
    path: str
    size: int
    compile_time: float
    built_at: str


@dataclass(frozen=True)
class Job:
    id: int
    patch: Patch
    index: int
    release: str
    submitted_by: str
    submitted_at: str
    compile_time: float
    warnings: tuple[dict, ...]
    errors: tuple[dict, ...]

    @property
    def key(self) -> str:
        return f"{self.patch.key}/{self.index}"

    @property
    def succeeded(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class RemovedPatch:
    """What a deleted patch's rows pointed to in the files store."""

    job_ids: list[int]
    uploads: list[str]
    """Of the compiles it had queued, or whose upload a failure left."""
