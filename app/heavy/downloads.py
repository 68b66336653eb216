"""What a version can be downloaded as: the targets the service lists for it, then the rest of
what Enzien's heavy built in 2018, which a service may be unable to build (it says why when asked)."""

from dataclasses import dataclass

from app.heavy.models import Job

HEAVY_2018 = (
    "c/src",
    "web/local",
    "web/js",
    "bela/linux/armv7a",
    *(f"unity/{p}" for p in ("src", "macos/x64", "win/x64", "win/x86", "linux/x64", "android/armv7a")),
    *(f"wwise/{p}" for p in ("src", "ios/armv7a", "macos/x64", "win/x64", "win/x86", "linux/x64")),
    *(f"vst2/{p}" for p in ("src", "macos/x64", "win/x86", "win/x64", "linux/x64")),
    *(f"fabric/{p}" for p in ("src", "macos/x64", "win/x86", "win/x64", "linux/x64", "android/armv7a")),
)
"""The download grid of Enzien's 2018 test suite (reference §3.4)."""


@dataclass(frozen=True)
class Download:
    generator: str  # c/src, unity/win/x64…
    url: str
    file_name: str  # as the service names it: sine.3.c-src.zip
    listed: bool  # the service lists it for this version
    size: int | None = None  # None until built

    @property
    def slug(self) -> str:
        return self.generator.replace("/", "-")


def downloads(patch: str, job: Job) -> list[Download]:
    """Nothing for a failed compile; otherwise the job's targets, then the 2018 ones it lacks."""
    if not job.succeeded:
        return []

    def named(generator: str) -> str:
        return f"{patch}.{job.index}.{generator.replace('/', '-')}.zip"

    listed = [Download(t.generator, t.url, named(t.generator), True, t.size) for t in job.targets]
    known = {download.generator for download in listed}
    others = [
        Download(generator, f"{job.html}/{generator}/archive.zip", named(generator), False)
        for generator in HEAVY_2018
        if generator not in known
    ]
    return listed + others
