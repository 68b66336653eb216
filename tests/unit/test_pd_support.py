"""Objects hvcc does not support, found as hvcc finds them, from a list derived from hvcc itself."""

import re
from pathlib import Path

import pytest
from hvcc.interpreters.pd2hv.NotificationEnum import NotificationEnum
from hvcc.interpreters.pd2hv.PdParser import PdParser

from app.patches.hvcc_objects import HVCC_OBJECTS
from app.patches.pd import read_files
from app.patches.support import unsupported_objects
from buildkit.hvcc_objects import MODULE, module_source, supported_objects

FIXTURES = Path(__file__).parent / "pd_fixtures"
HEADER = "#N canvas 0 50 450 300 12;\n"
UNKNOWN = re.compile(r'Don\'t know how to parse object "(.*?)"')


def fixture(name: str) -> dict[str, bytes]:
    root = FIXTURES / name
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.pd")}


def ours(files: dict[str, bytes]) -> list[str]:
    return sorted(placed.name for placed in unsupported_objects(read_files(files)))


def hvccs(files: dict[str, bytes], folder: Path) -> list[str]:
    """The objects hvcc's own Pd converter calls unknown in these files."""
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    graph = PdParser().graph_from_file((folder / "_main.pd").absolute())
    errors = [e for e in graph.get_notices().errors if e.enum == NotificationEnum.ERROR_UNKNOWN_OBJECT]
    return sorted(UNKNOWN.search(error.message)[1] for error in errors)


def test_the_committed_object_list_is_the_installed_hvccs() -> None:
    """Fails after an hvcc upgrade: run `python -m buildkit.hvcc_objects` and commit the result."""
    assert MODULE.read_text() == module_source(supported_objects())


def test_hvcc_converts_every_listed_object_and_refuses_others(tmp_path: Path) -> None:
    refused = {"fiddle~", "sigmund~", "bonk~", "vline~", "vu", "heavy_converted/lorenz~"}
    assert not refused & HVCC_OBJECTS
    for name in sorted(HVCC_OBJECTS | refused):
        reported = hvccs({"_main.pd": f"{HEADER}#X obj 10 10 {name};\n".encode()}, tmp_path)
        assert reported == ([name] if name in refused else []), name


def test_the_list_holds_library_names_in_every_form_hvcc_accepts() -> None:
    forms = {"osc~", "+~", "t", "pd", "knob", "else/knob", "acos~", "cyclone/acos~", "lorenz~", "block~"}
    assert forms <= HVCC_OBJECTS


def test_unsupported_objects_name_their_file_canvas_and_position() -> None:
    found = unsupported_objects(read_files(fixture("fiddle")))
    assert [(p.name, p.file, p.canvas, p.position, p.top) for p in found] == [
        ("fiddle~", "_main.pd", (), (20, 60), 1),
        ("bonk~", "_main.pd", (), (280, 20), 7),
        ("bonk~", "_main.pd", (), (280, 60), 8),
        ("sigmund~", "_main.pd", ("pd analysis",), (30, 60), 5),
    ]
    assert found[0].args == ("1024", "1", "20", "3")


CASES = {
    "fiddle": fixture("fiddle"),
    "synth": fixture("synth"),
    "sine": fixture("sine"),
    "own abstraction named like a missing object": {
        "_main.pd": f"{HEADER}#X obj 1 1 fiddle~;\n#X obj 1 1 sub/deep;\n".encode(),
        "fiddle~.pd": HEADER.encode(),
        "sub/deep.pd": f"{HEADER}#X obj 1 1 vline~;\n".encode(),
    },
    "instances": {
        "_main.pd": f"{HEADER}#X obj 1 1 voice bonk~;\n#X obj 1 1 voice osc~;\n".encode(),
        "voice.pd": f"{HEADER}#X obj 1 1 \\$1;\n#X obj 1 1 \\$2;\n".encode(),
    },
    "numbers, empty boxes and dropped objects": {
        "_main.pd": f"{HEADER}#X obj 1 1 440;\n#X obj 1 1 1e3;\n#X obj 1 1;\n#X obj 1 1 block~;\n".encode(),
    },
}


@pytest.mark.parametrize("files", CASES.values(), ids=CASES.keys())
def test_we_report_what_hvcc_reports(files: dict[str, bytes], tmp_path: Path) -> None:
    assert ours(files) == hvccs(files, tmp_path)


def test_an_abstraction_inside_itself_is_reported_where_it_recurses() -> None:
    """hvcc itself overflows its stack there ("maximum recursion depth exceeded")."""
    loop = f"{HEADER}#X obj 5 6 loop;\n".encode()
    (found,) = unsupported_objects(read_files({"_main.pd": loop, "loop.pd": loop}))
    assert (found.name, found.file, found.position) == ("loop", "loop.pd", (5, 6))
