"""Drawing the main patch: well-formed, accessible SVG with Pd's boxes and cords, text escaped."""

import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.patches.pd import PdFiles, read_files
from app.patches.support import unsupported_objects
from app.patches.svg import draw_patch

FIXTURES = Path(__file__).parent / "pd_fixtures"
HEADER = "#N canvas 0 50 450 300 12;\n"
SVG = "{http://www.w3.org/2000/svg}"


def fixture_files(name: str) -> PdFiles:
    root = FIXTURES / name
    return read_files({path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.pd")})


def draw(files: PdFiles) -> ET.Element:
    return ET.fromstring(draw_patch(files, unsupported_objects(files)))


def of(text: str) -> PdFiles:
    return read_files({"_main.pd": (HEADER + text).encode()})


def groups(svg: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if kind in g.get("class", "").split()]


def texts(element: ET.Element) -> list[str]:
    return [text.text or "" for text in element.iter(f"{SVG}text")]


def test_the_sine_patch_is_drawn_with_its_boxes_comment_and_cords() -> None:
    svg = draw(fixture_files("sine"))
    assert svg.get("role") == "img"
    label = "Pd patch _main.pd: 4 objects, 0 messages, 1 comment, 4 connections"
    assert svg.get("aria-label") == label
    assert svg.find(f"{SVG}title").text == label
    assert [texts(g) for g in groups(svg, "obj")] == [
        ["r freq @hv_param 20 2000 440"],
        ["osc~ 440"],
        ["*~ 0.1"],
        ["dac~"],
    ]
    (comment,) = groups(svg, "comment")
    assert comment.find(f"{SVG}rect") is None
    assert texts(comment) == ["a sine, 440 Hz by default, at a tenth of full scale"]
    cords = svg.findall(f"{SVG}line")
    assert [(cord.get("class"), cord.get("stroke-width")) for cord in cords] == [
        ("cord", "1"),
        ("cord signal", "2"),
        ("cord signal", "2"),
        ("cord signal", "2"),
    ]


def test_cords_run_from_outlet_to_inlet() -> None:
    svg = draw(fixture_files("sine"))
    left, right = svg.findall(f"{SVG}line")[2:]
    dac = groups(svg, "obj")[3].find(f"{SVG}rect")
    assert (left.get("y2"), right.get("y2")) == (dac.get("y"), dac.get("y"))
    assert float(left.get("x2")) == float(dac.get("x")) + 3.5
    assert float(right.get("x2")) == float(dac.get("x")) + float(dac.get("width")) - 3.5


def test_messages_are_flags_atoms_have_a_cut_corner_and_text_is_escaped() -> None:
    svg = draw(fixture_files("synth"))
    dsp, set_message = groups(svg, "msg")
    assert dsp.find(f"{SVG}polygon") is not None
    assert texts(dsp) == [";", "pd dsp 1;", "volume 0.5"]
    assert texts(set_message) == ["set $1, bang"]
    assert len(groups(svg, "floatatom")[0].find(f"{SVG}polygon").get("points").split()) == 5
    assert texts(groups(svg, "comment")[0])[1] == '<script>alert("hi")</script> & more'
    source = draw_patch(fixture_files("synth"))
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; more" in source
    assert "<script" not in source


def test_subpatches_and_abstractions_draw_their_own_inlets_and_signal_outlets() -> None:
    svg = draw(fixture_files("synth"))
    boxes = {texts(g)[0]: g for g in groups(svg, "obj") if texts(g)}
    mixer_inlets = [r for r in boxes["pd mixer"].iter(f"{SVG}rect") if r.get("class") == "iolet"]
    assert len(mixer_inlets) == 3  # two inlet~, one outlet~
    cords = svg.findall(f"{SVG}line")
    signal = [cord for cord in cords if cord.get("class") == "cord signal"]
    assert len(signal) == 4  # each [voice] into the mixer, the mixer into both dac~ inlets


def test_gui_objects_are_drawn_at_their_saved_size() -> None:
    colours = "#fcfcfc #000000 #000000"
    svg = draw(
        of(
            f"#X obj 10 20 hsl 128 15 0 1 0 0 empty empty empty -2 -8 0 10 {colours} 0 1;\n"
            f"#X obj 10 60 tgl 25 0 empty empty empty 17 7 0 10 {colours} 0 1;\n"
            f"#X obj 10 100 vradio 15 1 0 8 empty empty empty 0 -8 0 10 {colours} 0;\n"
        )
    )
    shapes = [g.find(f"{SVG}rect") for g in groups(svg, "obj")]
    assert [(r.get("width"), r.get("height")) for r in shapes] == [("128", "15"), ("25", "25"), ("15", "120")]


def test_unsupported_boxes_and_boxes_holding_them_are_marked_with_a_title() -> None:
    svg = draw(fixture_files("fiddle"))
    marked = groups(svg, "unsupported")
    assert [(texts(g)[0], g.find(f"{SVG}title").text) for g in marked] == [
        ("fiddle~ 1024 1 20 3", "Not supported by hvcc: fiddle~"),
        ("pd analysis", "Not supported by hvcc: sigmund~"),
        ("bonk~", "Not supported by hvcc: bonk~"),
        ("bonk~", "Not supported by hvcc: bonk~"),
    ]
    assert svg.get("aria-label").endswith("; 4 boxes hvcc cannot convert")
    assert draw(fixture_files("sine")).get("aria-label").find("cannot convert") == -1


def test_the_view_box_fits_the_content() -> None:
    svg = draw(of("#X obj -50 30 osc~;\n#X obj 400 500 dac~;\n"))
    left, top, width, height = map(float, svg.get("viewBox").split())
    assert (left, top) == (-60, 20)
    assert left + width > 400 + 4 * 7 and top + height > 500 + 16
    assert [svg.get("width"), svg.get("height")] == svg.get("viewBox").split()[2:]


def test_long_text_wraps_at_sixty_characters_or_the_saved_width() -> None:
    words = " ".join(["word"] * 30)
    svg = draw(of(f"#X text 0 0 {words};\n#X msg 0 100 {words}, f 20;\n"))
    comment_lines = texts(groups(svg, "comment")[0])
    assert max(map(len, comment_lines)) <= 60 and len(comment_lines) == 3
    assert max(map(len, texts(groups(svg, "msg")[0]))) <= 20


def test_an_empty_patch_is_still_a_drawing() -> None:
    svg = draw(of(""))
    assert svg.get("viewBox") == "0 0 20 20"
    assert svg.get("aria-label") == "Pd patch _main.pd: 0 objects, 0 messages, 0 comments, 0 connections"


def test_the_drawing_is_deterministic() -> None:
    assert draw_patch(fixture_files("synth")) == draw_patch(fixture_files("synth"))


WORDS = st.sampled_from(
    [
        "osc~",
        "pd",
        "<b>",
        "&",
        '"',
        "\\;",
        "\\,",
        "\\$1",
        "hsl",
        "tgl",
        "1e308",
        "-5",
        "nan",
        "\x00",
        "\x1b",
        "\ufffe",
        "é",
        "f",
        "0",
        "300",
    ]
)
BOXES = st.tuples(
    st.sampled_from(["obj", "msg", "text", "floatatom"]),
    st.integers(-2000, 2000),
    st.integers(-2000, 2000),
    st.lists(WORDS, max_size=6),
)
CORDS = st.tuples(st.integers(0, 7), st.integers(0, 3), st.integers(0, 7), st.integers(0, 3))


@settings(deadline=None, max_examples=150)
@given(st.lists(BOXES, max_size=8), st.lists(CORDS, max_size=8))
def test_any_patch_draws_well_formed_svg(boxes: list, cords: list) -> None:
    records = [f"#X {kind} {x} {y} {' '.join(words)};" for kind, x, y, words in boxes]
    records += [f"#X connect {a} {b} {c} {d};" for a, b, c, d in cords if max(a, c) < len(boxes)]
    files = of("\n".join(records))
    svg = ET.fromstring(draw_patch(files, unsupported_objects(files)))
    assert len(svg.findall(f"{SVG}g")) == len(boxes)
