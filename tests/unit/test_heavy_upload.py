"""Picked files → the upload summary: zipped like the uploader, read for the preview, refused early."""

import io
import random
import zipfile
from pathlib import Path

import pytest

from app.patches.bundle import BundleTooLarge, MissingMainPatch
from app.patches.upload import picked_files, prepare_upload

FIXTURES = Path(__file__).parent / "pd_fixtures"


def fixture(name: str, folder: str = "") -> dict[str, bytes]:
    """The fixture's files as a folder pick gives them: paths below the picked folder's name."""
    root = FIXTURES / name
    return {folder + path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.pd")}


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return buffer.getvalue()


def test_a_picked_folder_is_zipped_from_its_inside_and_previewed() -> None:
    upload = prepare_upload({**fixture("synth", "synth/"), "synth/notes.txt": b"not sent"})
    assert [f.path for f in upload.bundle.files] == ["_main.pd", "lib/adsr.pd", "lib/voice.pd"]
    assert upload.drawing.startswith("<svg") and upload.problem is None


def test_parameters_and_unsupported_objects_are_found_before_upload() -> None:
    sine = prepare_upload(fixture("sine"))
    assert [(p.name, p.range.default) for p in sine.params] == [("freq", 440.0)]
    assert sine.unsupported == ()
    fiddle = prepare_upload(fixture("fiddle"))
    assert [(p.name, p.file, p.position) for p in fiddle.unsupported] == [
        ("fiddle~", "_main.pd", (20, 60)),
        ("bonk~", "_main.pd", (280, 20)),
        ("bonk~", "_main.pd", (280, 60)),
        ("sigmund~", "_main.pd", (30, 60)),
    ]
    assert "Not supported by hvcc: fiddle~" in fiddle.drawing


def test_a_lone_zip_is_opened_and_other_picks_are_taken_as_they_are() -> None:
    archive = zipped(fixture("sine", "sine/"))
    assert picked_files({"sine.zip": archive}) == fixture("sine", "sine/")
    assert [f.path for f in prepare_upload({"Sine.ZIP": archive}).bundle.files] == ["_main.pd"]
    loose = {"a.zip": archive, **fixture("sine")}
    assert picked_files(loose) == loose


def test_refusals_carry_the_bundles_message() -> None:
    with pytest.raises(MissingMainPatch, match=r"needs a _main\.pd at its top level; found: voice\.pd"):
        prepare_upload({"sine.zip": zipped({"voice.pd": b"#N canvas 0 0 10 10 12;\n"})})
    noise = random.Random(6).randbytes(1_200_000)  # incompressible
    with pytest.raises(BundleTooLarge, match="heavy accepts at most 1024 KiB"):
        prepare_upload({"_main.pd": noise})


def test_a_file_that_is_not_a_patch_is_still_sent_with_the_reason_it_cannot_be_previewed() -> None:
    upload = prepare_upload({"_main.pd": b"#X obj 10 10 osc~;\n"})
    assert upload.drawing == "" and upload.problem and "_main.pd" in upload.problem
    assert [f.path for f in upload.bundle.files] == ["_main.pd"]
