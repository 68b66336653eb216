"""A version's downloads: its .pd files and the service's targets by platform, then apart what it
cannot build, with the reasons the job's document gives (no request needed to learn them)."""

from app.heavy.downloads import HEAVY_2018, NOT_LISTED, downloads, platform_of, unavailable
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
        Target("demo/sine/3/web/local", "web-local", "/heavy/h/demo/sine/3/web/local/archive.zip"),
        Target("demo/sine/3/pdext/src", "pdext-src", "/heavy/h/demo/sine/3/pdext/src/archive.zip"),
        Target(
            "demo/sine/3/lv2/linux/x64", "lv2-linux-x64", "/heavy/h/demo/sine/3/lv2/linux/x64/archive.zip"
        ),
    ),
    unavailable=(("unity/win/x64", "unity/win/x64 cannot be built on this server: it needs Visual Studio."),),
)


def test_targets_come_by_platform_with_the_pd_files_first_among_the_sources() -> None:
    groups = [(group.name, [d.generator for d in group.downloads]) for group in downloads("sine", JOB)]
    assert groups == [
        ("Sources", ["pd", "c/src", "pdext/src"]),
        ("Web", ["web/local"]),
        ("Linux x86-64", ["lv2/linux/x64"]),
    ]
    pd, c_src, pdext = downloads("sine", JOB)[0].downloads
    assert (pd.url, pd.file_name) == ("/heavy/h/demo/sine/3/pd/archive.zip", "sine.3.pd.zip")
    assert (c_src.url, c_src.size, c_src.file_name) == (
        "/heavy/h/demo/sine/3/c/src/archive.zip",
        2048,
        "sine.3.c-src.zip",
    )
    assert pdext.size is None


def test_what_cannot_be_built_carries_the_services_reason_then_the_rest_of_the_2018_grid() -> None:
    first, *rest = unavailable(JOB)
    assert (first.generator, first.reason) == (
        "unity/win/x64",
        "cannot be built on this server: it needs Visual Studio.",
    )
    assert [u.generator for u in rest] == [
        g for g in HEAVY_2018 if g not in {"c/src", "web/local", "unity/win/x64"}
    ]
    assert {u.why for u in rest} == {NOT_LISTED}


def test_platform_names() -> None:
    assert [platform_of(g) for g in ("pd", "c/src", "web/js", "vst2/win/x64", "bela/linux/armv7a")] == [
        "Sources",
        "Sources",
        "Web",
        "Windows x86-64",
        "Linux ARMv7",
    ]


def test_a_failed_compile_has_nothing_to_download() -> None:
    failed = Job(**{**JOB.__dict__, "errors": (CompileMessage("Unknown object"),)})
    assert downloads("sine", failed) == [] and unavailable(failed) == []
