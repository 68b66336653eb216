"""Job folders from before the files store move into it on start: once, whole, by one process
at a time, into a store in the same folder (the default) or elsewhere."""

import io
import threading
import zipfile
from pathlib import Path

import pytest

from server.heavy import job_files, old_jobs
from server.heavy.files import LocalFiles

TARGET = b"PK old c-src archive"


def old_job(root: Path, job_id: int) -> None:
    """A job folder as the service kept it before: `patch/`, `hvcc/`, `targets/`."""
    folder = root / "jobs" / str(job_id)
    (folder / "patch" / "sub").mkdir(parents=True)
    (folder / "patch" / "_main.pd").write_text(f"#N canvas {job_id};\n")
    (folder / "patch" / "sub" / "voice.pd").write_text("#N canvas voice;\n")
    (folder / "hvcc" / "c").mkdir(parents=True)
    (folder / "hvcc" / "c" / "Heavy_sine.c").write_text("int x;\n")
    (folder / "targets").mkdir()
    (folder / "targets" / "c-src.zip").write_bytes(TARGET)
    (folder / "targets" / ".web-local.zip.partial").write_bytes(b"half")


def tree_names(files: LocalFiles, job_id: int) -> list[str]:
    return sorted(zipfile.ZipFile(io.BytesIO(files.get(job_files.tree_key(job_id)))).namelist())


@pytest.mark.parametrize("shared", [False, True], ids=["same-folder", "elsewhere"])
def test_old_job_folders_move_into_the_store_once(tmp_path: Path, shared: bool) -> None:
    root = tmp_path / "heavy"
    files = LocalFiles(tmp_path / "shared" if shared else root)
    for job_id in (3, 12):
        old_job(root, job_id)
    files.put("jobs/20/tree.zip", b"a job kept the new way")

    assert old_jobs.move_into(files, root) == 2
    for job_id in (3, 12):
        assert tree_names(files, job_id) == ["hvcc/c/Heavy_sine.c", "patch/_main.pd", "patch/sub/voice.pd"]
        assert files.get(job_files.target_key(job_id, "c/src")) == TARGET
        assert not files.exists(job_files.archive_key(job_id, ".web-local.zip.partial"))
    assert files.get("jobs/20/tree.zip") == b"a job kept the new way"
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    if shared:
        assert left == ["jobs-moving.lock"]
    else:
        assert not (root / "jobs" / "3" / "patch").exists() and not (root / "jobs-moving").exists()

    assert old_jobs.move_into(files, root) == 0
    assert tree_names(files, 3) == ["hvcc/c/Heavy_sine.c", "patch/_main.pd", "patch/sub/voice.pd"]


def test_a_move_cut_short_is_finished_by_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "heavy"
    files = LocalFiles(root)
    old_job(root, 4)
    (root / "jobs-moving").mkdir()
    (root / "jobs" / "4").rename(root / "jobs-moving" / "4")
    (root / "jobs-moving" / "4.tree.zip").write_bytes(b"half a zip")

    assert old_jobs.move_into(files, root) == 1
    assert tree_names(files, 4) == ["hvcc/c/Heavy_sine.c", "patch/_main.pd", "patch/sub/voice.pd"]
    assert files.get(job_files.target_key(4, "c/src")) == TARGET
    assert not (root / "jobs-moving").exists()


def test_two_processes_starting_at_once_move_each_job_once(tmp_path: Path) -> None:
    root = tmp_path / "heavy"
    files = LocalFiles(tmp_path / "shared")
    for job_id in range(1, 31):
        old_job(root, job_id)
    moved: list[int] = []
    starts = [threading.Thread(target=lambda: moved.append(old_jobs.move_into(files, root))) for _ in "ab"]
    for start in starts:
        start.start()
    for start in starts:
        start.join()
    assert sorted(moved) == [0, 30]
    for job_id in range(1, 31):
        assert tree_names(files, job_id) == ["hvcc/c/Heavy_sine.c", "patch/_main.pd", "patch/sub/voice.pd"]
    assert not any((root / "jobs").iterdir())
