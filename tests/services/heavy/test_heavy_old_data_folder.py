"""A data folder from before the files store, its jobs as plain folders (`heavy/jobs/<id>/` with
`patch/`, `hvcc/`, `targets/`): `serve` moves them into the store on start, here a files folder of
its own, and their targets download as before, built ones unchanged."""

import zipfile
from collections.abc import Callable
from pathlib import Path

from heavy_http import call, zip_names

from buildkit.serving import serving
from server.heavy import wasm


def as_before_the_files_store(jobs: Path) -> None:
    """Each job's stored tree unpacked back into its folder, as the service used to keep it."""
    for tree in jobs.glob("*/tree.zip"):
        with zipfile.ZipFile(tree) as archive:
            archive.extractall(tree.parent)
        tree.unlink()


def test_a_job_folder_from_before_the_files_store_still_downloads(
    tmp_path: Path, new_database: Callable[[], str | None]
) -> None:
    data, files = tmp_path / "data", tmp_path / "files"
    database = new_database()
    options = ["--test-mode", "--no-rate-limits", *(["--database", database] if database else [])]
    sine = "/heavy/h/demo/sine/1"
    with serving(data, *options, log=tmp_path / "first.log") as base:
        built = call("GET", f"{base}{sine}/c/src/archive.zip")
    assert built.status == 200
    jobs = data / "heavy" / "jobs"
    as_before_the_files_store(jobs)
    assert sorted(path.name for path in (jobs / "1").iterdir()) == ["hvcc", "patch", "targets"]

    options += ["--heavy-files", str(files)]
    with serving(data, *options, log=tmp_path / "second.log") as base:
        again = call("GET", f"{base}{sine}/c/src/archive.zip")
        assert again.status == 200 and again.body == built.body, "the archive built before is served"
        generated = call("GET", f"{base}{sine}/pdext/src/archive.zip")
        assert generated.status == 200 and "Makefile.pdlibbuilder" in zip_names(generated.body)
        if not wasm.missing():
            web = call("GET", f"{base}{sine}/web/local/archive.zip")
            assert web.status == 200 and "sine.wasm" in zip_names(web.body)
        arpeggio = call("GET", f"{base}/heavy/h/demo/arpeggio/1/c/src/archive.zip")
        assert arpeggio.status == 200 and "Heavy_arpeggio.h" in zip_names(arpeggio.body)
    assert list(jobs.iterdir()) == []
    assert sorted(path.name for path in files.glob("jobs/*/tree.zip")) == ["tree.zip", "tree.zip"]
