"""A version's download table: the service's targets first, then the 2018 grid it does not list."""

from app.heavy.downloads import HEAVY_2018, downloads
from app.heavy.models import CompileMessage, Job, Target

JOB = Job(
    id="demo/sine/3",
    index=3,
    release="dev",
    submitted_at=None,
    compile_time=0.1,
    html="/heavy/h/demo/sine/3",
    targets=(
        Target("demo/sine/3/c/src", "c-src", "/heavy/h/demo/sine/3/c/src/archive.zip", size=2048),
        Target("demo/sine/3/pdext/src", "pdext-src", "/heavy/h/demo/sine/3/pdext/src/archive.zip"),
    ),
)


def test_listed_targets_come_first_with_their_links_and_sizes() -> None:
    first, second, *_ = downloads("sine", JOB)
    assert (first.generator, first.url, first.size, first.listed) == (
        "c/src",
        "/heavy/h/demo/sine/3/c/src/archive.zip",
        2048,
        True,
    )
    assert (second.generator, second.size, second.file_name) == ("pdext/src", None, "sine.3.pdext-src.zip")


def test_the_rest_of_the_2018_grid_follows_with_links_built_like_the_uploader() -> None:
    rest = downloads("sine", JOB)[2:]
    assert [d.generator for d in rest] == [g for g in HEAVY_2018 if g != "c/src"]
    unity = next(d for d in rest if d.generator == "unity/win/x64")
    assert (unity.url, unity.listed, unity.slug) == (
        "/heavy/h/demo/sine/3/unity/win/x64/archive.zip",
        False,
        "unity-win-x64",
    )


def test_a_failed_compile_has_nothing_to_download() -> None:
    failed = Job(**{**JOB.__dict__, "errors": (CompileMessage("Unknown object"),)})
    assert downloads("sine", failed) == []
