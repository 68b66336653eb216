"""Building the upload zip: what goes in, and every refusal a user can meet before sending."""

import io
import zipfile

import pytest

from app.patches.bundle import (
    MAX_ARCHIVE_BYTES,
    BundleError,
    BundleTooLarge,
    MissingMainPatch,
    UnsafePath,
    build_bundle,
    clean_path,
    files_from_zip,
)

MAIN = b"#N canvas 0 0 450 300 12;\n#X obj 10 10 osc~ 440;\n"


def names(bundle) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(bundle.archive)).namelist()


def test_only_pd_files_go_in_with_their_relative_paths() -> None:
    files = {"_main.pd": MAIN, "lib/voice.pd": b"#N canvas;", "notes.txt": b"x", "a.wav": b"RIFF"}
    bundle = build_bundle(files)
    assert names(bundle) == ["_main.pd", "lib/voice.pd"]
    assert [f.path for f in bundle.files] == ["_main.pd", "lib/voice.pd"]
    assert bundle.files[0].size == len(MAIN)
    assert zipfile.ZipFile(io.BytesIO(bundle.archive)).read("_main.pd") == MAIN


def test_a_dropped_folder_is_unwrapped_so_main_is_at_the_root() -> None:
    bundle = build_bundle({"synth/_main.pd": MAIN, "synth/sub/osc.pd": b"#N canvas;"})
    assert names(bundle) == ["_main.pd", "sub/osc.pd"]


def test_windows_separators_are_made_posix() -> None:
    assert names(build_bundle({"_main.pd": MAIN, "lib\\x.pd": b"#N"})) == ["_main.pd", "lib/x.pd"]


@pytest.mark.parametrize("files", [{"main.pd": MAIN}, {"a/_main.pd": MAIN, "b/x.pd": b"#N"}, {"x.txt": b""}])
def test_missing_main_patch_is_refused(files: dict[str, bytes]) -> None:
    with pytest.raises(MissingMainPatch, match=r"_main\.pd"):
        build_bundle(files)


@pytest.mark.parametrize("path", ["../evil.pd", "/etc/x.pd", "C:\\x.pd", "a/../../x.pd"])
def test_paths_leaving_the_folder_are_refused(path: str) -> None:
    with pytest.raises(UnsafePath):
        clean_path(path)
    with pytest.raises(UnsafePath):
        build_bundle({"_main.pd": MAIN, path: b"#N"})


def test_an_archive_over_one_mebibyte_is_refused() -> None:
    import os

    noise = os.urandom(MAX_ARCHIVE_BYTES)
    with pytest.raises(BundleTooLarge, match="1024 KiB"):
        build_bundle({"_main.pd": MAIN, "big.pd": noise})


def test_files_from_a_users_zip_and_its_bounds() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_main.pd", MAIN)
        archive.writestr("dir/", b"")
    assert files_from_zip(buffer.getvalue()) == {"_main.pd": MAIN}

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_main.pd", b"\0" * (17 << 20))
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(BundleTooLarge):
        files_from_zip(bomb.getvalue())
    with pytest.raises(BundleError, match="zip"):
        files_from_zip(b"not a zip")
