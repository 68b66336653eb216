"""What a version can be downloaded as, by platform: its `.pd` files, the targets the service lists
for it, and apart, the rest of what Enzien's heavy built in 2018, with why each is not available
here (as the service says in the job's document, so no request is needed to learn it)."""

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
SOURCES = "pd"
"""The version's `.pd` files as uploaded (`/h/o/p/N/pd/archive.zip`, Enzien's `name.N.pd.zip`)."""
NOT_LISTED = "This service does not list it for this version."
PLATFORMS = {
    "src": "Sources",
    "local": "Web",
    "js": "Web",
    "linux/x64": "Linux x86-64",
    "linux/armv7a": "Linux ARMv7",
    "win/x64": "Windows x86-64",
    "win/x86": "Windows x86",
    "macos/x64": "macOS x86-64",
    "ios/armv7a": "iOS ARMv7",
    "android/armv7a": "Android ARMv7",
}


@dataclass(frozen=True)
class Download:
    generator: str  # c/src, unity/win/x64…
    url: str
    file_name: str  # as the service names it: sine.3.c-src.zip
    size: int | None = None  # None until built

    @property
    def slug(self) -> str:
        return self.generator.replace("/", "-")


@dataclass(frozen=True)
class Unavailable:
    generator: str
    why: str

    @property
    def reason(self) -> str:
        """`why` without the target's name it starts with, which the page shows beside it."""
        return self.why.removeprefix(f"{self.generator} ")


@dataclass(frozen=True)
class Platform:
    name: str
    downloads: tuple[Download, ...]


def platform_of(generator: str) -> str:
    """`unity/win/x64` → "Windows x86-64"; `c/src`, `pd` → "Sources"."""
    where = generator.partition("/")[2] or "src"
    return PLATFORMS.get(where, where)


def downloads(patch: str, job: Job) -> list[Platform]:
    """The `.pd` files and the job's targets grouped by platform, in the order the service lists
    them; nothing for a failed compile."""
    if not job.succeeded:
        return []

    def named(generator: str) -> str:
        return f"{patch}.{job.index}.{generator.replace('/', '-')}.zip"

    listed = [
        Download(SOURCES, f"{job.html}/{SOURCES}/archive.zip", named(SOURCES)),
        *(Download(t.generator, t.url, named(t.generator), t.size) for t in job.targets),
    ]
    groups: dict[str, list[Download]] = {}
    for download in listed:
        groups.setdefault(platform_of(download.generator), []).append(download)
    return [Platform(name, tuple(items)) for name, items in groups.items()]


def unavailable(job: Job) -> list[Unavailable]:
    """What the service says it cannot build, then what else the 2018 grid had that it does not list."""
    if not job.succeeded:
        return []
    said = [Unavailable(generator, why) for generator, why in job.unavailable]
    known = {target.generator for target in job.targets} | {item.generator for item in said}
    return said + [Unavailable(generator, NOT_LISTED) for generator in HEAVY_2018 if generator not in known]
