"""Reading .pd files: records, escapes, canvases, abstractions, and errors that say where."""

import contextlib
import re
from pathlib import Path

import hvcc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.patches.bundle import MissingMainPatch
from app.patches.pd import (
    Connection,
    Node,
    ParseError,
    PdFiles,
    box_text,
    parse_patch,
    read_files,
    substitute,
)

FIXTURES = Path(__file__).parent / "pd_fixtures"
HVCC_LIBS = Path(hvcc.__file__).parent / "interpreters" / "pd2hv" / "libs"
HEADER = "#N canvas 0 50 450 300 12;\n"


def fixture_files(name: str) -> PdFiles:
    root = FIXTURES / name
    return read_files({path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.pd")})


def test_the_sine_patch() -> None:
    canvas = fixture_files("sine").main.canvas
    assert canvas.font == 12
    assert [(node.kind, node.name) for node in canvas.nodes] == [
        ("obj", "r"),
        ("obj", "osc~"),
        ("obj", "*~"),
        ("obj", "dac~"),
        ("text", "text"),
    ]
    assert canvas.nodes[0].args == ("freq", "@hv_param", "20", "2000", "440")
    assert (canvas.nodes[0].x, canvas.nodes[0].y, canvas.nodes[0].index) == (30, 30, 0)
    assert canvas.nodes[4].text == "a sine, 440 Hz by default, at a tenth of full scale"
    assert canvas.connections == (
        Connection(0, 0, 1, 0),
        Connection(1, 0, 2, 0),
        Connection(2, 0, 3, 0),
        Connection(2, 0, 3, 1),
    )


def test_messages_keep_escaped_semicolons_commas_and_dollars() -> None:
    nodes = fixture_files("synth").main.canvas.nodes
    dsp, set_message = nodes[2], nodes[5]
    assert dsp.args == (";", "pd", "dsp", "1", ";", "volume", "0.5")
    assert dsp.text == ";\npd dsp 1;\nvolume 0.5"
    assert set_message.args == ("set", "$1", ",", "bang")
    assert set_message.text == "set $1, bang"


def test_a_width_suffix_sizes_the_box_and_is_not_an_argument() -> None:
    trigger = fixture_files("synth").main.canvas.nodes[13]
    assert (trigger.name, trigger.args, trigger.width) == ("t", ("b", "b"), 8)


def test_a_subpatch_is_a_box_holding_its_canvas() -> None:
    patch = fixture_files("synth").main
    mixer = patch.canvas.nodes[8]
    assert (mixer.kind, mixer.name, mixer.text, mixer.x, mixer.y) == ("obj", "pd", "pd mixer", 200, 240)
    assert mixer.canvas is not None and mixer.canvas.font == 12
    assert [node.name for node in mixer.canvas.nodes][:2] == ["inlet~", "inlet~"]
    assert len(mixer.canvas.connections) == 6
    assert [path for path, _ in patch.canvases()] == [(), ("pd mixer",)]


def test_nested_subpatches_come_depth_first_with_their_paths() -> None:
    patch = parse_patch(
        HEADER + "#N canvas 0 0 100 100 outer 0;\n#N canvas 0 0 100 100 inner 0;\n#X obj 1 1 osc~;\n"
        "#X restore 5 5 pd inner;\n#X restore 10 10 pd outer;\n"
        "#N canvas 0 0 100 100 other 0;\n#X restore 20 20 pd other;\n"
    )
    paths = [path for path, _ in patch.canvases()]
    assert paths == [(), ("pd outer",), ("pd outer", "pd inner"), ("pd other",)]


def test_declares_arrays_and_graph_on_parent() -> None:
    patch = parse_patch(
        HEADER + "#X declare -path lib -path more;\n"
        "#N canvas 0 0 450 300 (subpatch) 0;\n#X array table1 4 float 3;\n#A 0 0.1 0.2;\n#A 2 0.3 0.4;\n"
        "#X coords 0 1 4 -1 200 140 1 0 0;\n#X restore 30 40 graph;\n"
    )
    assert patch.canvas.declares == (("-path", "lib", "-path", "more"),)
    graph = patch.canvas.nodes[0]
    assert graph.name == "graph" and graph.canvas is not None
    (array,) = graph.canvas.arrays
    assert (array.name, array.size, array.values) == ("table1", 4, ("0.1", "0.2", "0.3", "0.4"))
    assert graph.canvas.gop == (200, 140)


def test_records_may_span_lines_and_escaped_spaces_stay_in_a_symbol() -> None:
    patch = parse_patch("#N canvas 0 50 450 300 10;\r\n#X obj 10 10\r\n  pack f\n f;\n#X text 1 2 a\\ b c;")
    assert patch.canvas.font == 10
    assert patch.canvas.nodes[0].args == ("f", "f")
    assert patch.canvas.nodes[1].args == ("a b", "c")


def test_the_old_width_record_resizes_the_box_before_it() -> None:
    patch = parse_patch(HEADER + "#N canvas 0 0 10 10 sub 0;\n#X restore 1 1 pd sub;\n#X f 22;\n")
    assert patch.canvas.nodes[0].width == 22


@pytest.mark.parametrize(
    ("atoms", "text"),
    [
        (("a", ",", "b"), "a, b"),
        ((";", "pd", "dsp", "1"), ";\npd dsp 1"),
        (("x", ";", ";"), "x;\n;"),
        ((), ""),
    ],
)
def test_box_text_is_what_pd_prints(atoms: tuple[str, ...], text: str) -> None:
    assert box_text(atoms) == text


def test_dollars_take_instance_arguments_as_hvcc_does() -> None:
    assert substitute("$1-freq", ("a",)) == "a-freq"
    assert substitute("$2", ("a",)) == "0"
    assert substitute("$0-local", ("a",)) == "$0-local"
    assert substitute("$1$1", ("x",)) == "xx"
    assert substitute("$12345678901", ()) == "$12345678901"


def test_abstractions_are_found_beside_the_file_then_in_declared_folders() -> None:
    files = fixture_files("synth")
    assert files.search_paths == ("lib",)
    assert files.abstraction("_main.pd", "voice") == "lib/voice.pd"
    assert files.abstraction("lib/voice.pd", "adsr") == "lib/adsr.pd"
    assert files.abstraction("_main.pd", "adsr") == "lib/adsr.pd"
    assert files.abstraction("_main.pd", "osc~") is None
    assert files.abstraction("_main.pd", "lib/voice") == "lib/voice.pd"


def test_objects_walk_subpatches_and_each_abstraction_instance_with_its_arguments() -> None:
    placed = list(fixture_files("synth").objects())
    cutoffs = [p for p in placed if p.name == "r" and p.args[0].startswith("cutoff")]
    assert [(p.file, p.args[0], p.top) for p in cutoffs] == [
        ("lib/voice.pd", "cutoff_1", 6),
        ("lib/voice.pd", "cutoff_2", 7),
    ]
    lines = [p for p in placed if p.name == "line~"]
    assert [(p.file, p.canvas, p.position) for p in lines] == [("lib/adsr.pd", (), (20, 100))] * 2
    env = next(p for p in placed if p.name == "env~")
    assert (env.file, env.canvas, env.top) == ("_main.pd", ("pd mixer",), 8)
    voice = next(p for p in placed if p.name == "voice")
    assert voice.abstraction == "lib/voice.pd"


def test_a_recursive_abstraction_is_not_entered_twice() -> None:
    loop = (HEADER + "#X obj 1 1 loop;\n").encode()
    files = read_files({"_main.pd": loop, "loop.pd": loop})
    assert [(p.file, p.abstraction) for p in files.objects()] == [("_main.pd", "loop.pd"), ("loop.pd", None)]


def test_reading_files_needs_a_main_patch_and_names_the_broken_file() -> None:
    with pytest.raises(MissingMainPatch):
        read_files({"voice.pd": HEADER.encode()})
    with pytest.raises(ParseError) as error:
        read_files({"_main.pd": HEADER.encode(), "lib/bad.pd": b"#N canvas 0 0 1 1 12;\n#X obj x 1 f;\n"})
    assert (error.value.file, error.value.line, error.value.record) == ("lib/bad.pd", 2, 2)
    assert str(error.value).startswith("lib/bad.pd, line 2 (record 2): ")


def test_text_that_is_not_utf8_is_still_read() -> None:
    files = read_files({"_main.pd": HEADER.encode() + "#X text 1 1 d\u00e9j\u00e0;".encode("latin-1")})
    assert files.main.canvas.nodes[0].text == "d\ufffdj\ufffd"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty"),
        ("#X obj 1 1 f;", 1, "starts with #N canvas"),
        (HEADER + "#X obj 1;", 2, "needs 2 numbers"),
        (HEADER + "#X obj 1 1 f;\n#X connect 0 0 1 0;", 3, "not there"),
        (HEADER + "#X connect 0 -1 0 0;", 2, "not there"),
        (HEADER + "#N canvas 0 0 1 1 sub 0;\n#X obj 1 1 f;", 3, "not closed"),
        (HEADER + "#X restore 1 1 pd x;", 2, "without a subpatch"),
        (HEADER + "#X obj 1 1 f, g 3;", 2, "only writes a width"),
        (HEADER + "#X connect 0 0 0 0, f 3;", 2, "only a box"),
        (HEADER + ", f 3;", 2, "cannot start with a comma"),
        (HEADER + "#X scalar s 1 2;", 2, "unknown record #X scalar"),
        (HEADER + "#A 0 1 2;", 2, "without an #X array"),
        (HEADER + "#X f 3;", 2, "without a box"),
        (HEADER + "#X obj 99999999999 1 f;", 2, "out of range"),
        ("#N canvas 0 0 1 1;", 1, "font size"),
    ],
)
def test_malformed_files_raise_a_parse_error_saying_where(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as error:
        parse_patch(text, "x.pd")
    assert error.value.line == line


def test_an_unterminated_last_record_is_read_as_pd_reads_it() -> None:
    assert parse_patch(HEADER + "#X obj 1 1 osc~ 440").canvas.nodes[0].args == ("440",)


BOX_RECORD = re.compile(r"^#X (obj|msg|text|floatatom|symbolatom|listbox|restore) ", re.MULTILINE)


@pytest.mark.parametrize("path", sorted(HVCC_LIBS.rglob("*.pd")), ids=lambda path: path.name)
def test_every_patch_shipped_with_hvcc_is_read(path: Path) -> None:
    text = path.read_text()
    patch = parse_patch(text, path.name)
    canvases = [canvas for _, canvas in patch.canvases()]
    assert sum(len(canvas.nodes) for canvas in canvases) == len(BOX_RECORD.findall(text))
    assert sum(len(canvas.connections) for canvas in canvases) == text.count("#X connect ")
    assert len(canvases) == text.count("#N canvas ")


PD_WORDS = [
    "#N",
    "#X",
    "#A",
    "canvas",
    "obj",
    "msg",
    "text",
    "restore",
    "connect",
    "array",
    "coords",
    "declare",
    "f",
    "pd",
    "0",
    "1",
    "-3",
    "12",
    "\\;",
    "\\,",
    "\\$1",
    "$0",
    ";",
    ",",
    "\\",
    "\n",
    "osc~",
    "1e+06",
    "nan",
]


@settings(deadline=None)
@given(st.text())
def test_any_text_reads_or_raises_a_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        parse_patch(text)


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(PD_WORDS), max_size=80).map(" ".join))
def test_pd_like_text_reads_or_raises_a_parse_error(text: str) -> None:
    try:
        patch = parse_patch(HEADER + text)
    except ParseError:
        return
    assert all(isinstance(node, Node) for _, canvas in patch.canvases() for node in canvas.nodes)
