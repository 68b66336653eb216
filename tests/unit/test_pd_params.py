"""Parameters read from the patch: names, ranges and defaults as hvcc exports them."""

from pathlib import Path

import pytest
from hvcc import compile_dataflow

from app.patches.params import Range, patch_params
from app.patches.pd import read_files

FIXTURES = Path(__file__).parent / "pd_fixtures"
HEADER = "#N canvas 0 50 450 300 12;\n"


def fixture_params(name: str) -> dict[str, tuple]:
    root = FIXTURES / name
    files = read_files({path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.pd")})
    return {param.name: (param.kind, param.direction, param.range) for param in patch_params(files)}


def params_of(text: str) -> list:
    return list(patch_params(read_files({"_main.pd": (HEADER + text).encode()})))


def test_the_sine_frequency() -> None:
    assert fixture_params("sine") == {"freq": ("param", "in", Range(20, 2000, 440))}


def test_inputs_outputs_and_events_across_subpatches_and_abstraction_instances() -> None:
    assert fixture_params("synth") == {
        "cutoff_1": ("param", "in", Range(100, 8000, 1000)),
        "cutoff_2": ("param", "in", Range(100, 8000, 1000)),
        "gate": ("event", "in", None),
        "note": ("param", "in", Range(0, 127, 60)),
        "level": ("param", "out", Range(0, 100, 0)),
    }


def hvcc_externs(name: str, out: Path) -> dict[str, tuple]:
    """What hvcc itself exports from a fixture, in the shape of `fixture_params`."""
    results = compile_dataflow((FIXTURES / name / "_main.pd").absolute(), out, patch_name=name)
    control = results.root["hv2ir"].ir.control
    inputs = [(key, "in", receiver) for key, receiver in control.receivers.items()]
    outputs = [(send.name, "out", send) for send in control.sendMessage]
    return {
        key: (value.extern, direction, hvcc_range(value.attributes))
        for key, direction, value in inputs + outputs
        if value.extern
    }


def hvcc_range(attributes: dict) -> Range | None:
    return Range(*(attributes[key] for key in ("min", "max", "default", "type"))) if attributes else None


@pytest.mark.parametrize("name", ["sine", "synth"])
def test_what_hvcc_exports_is_what_the_patch_says(name: str, tmp_path: Path) -> None:
    assert fixture_params(name) == hvcc_externs(name, tmp_path)


def test_hvcc_defaults_fill_what_the_patch_leaves_out() -> None:
    (bare,) = params_of("#X obj 1 1 r knob @hv_param;")
    assert (bare.range, bare.problem) == (Range(0, 1, 0.5), None)
    (partial,) = params_of("#X obj 1 1 receive knob @hv_param -1;")
    assert partial.range == Range(-1, 1, 0.5)
    (typed,) = params_of("#X obj 1 1 r knob @hv_param 0 10 5 int;")
    assert typed.range == Range(0, 10, 5, "int")


def test_hvcc_stops_reading_at_a_value_that_is_not_a_number() -> None:
    (param,) = params_of("#X obj 1 1 r knob @hv_param 2 high 3;")
    assert param.range == Range(2, 1, 0.5)
    assert param.problem is not None and "below its minimum 2" in param.problem
    assert not param.exported


def test_a_default_outside_the_range_is_not_exported() -> None:
    (param,) = params_of("#X obj 1 1 r knob @hv_param 0 1 5;")
    assert param.problem == "Its default 5 is above its maximum 1: hvcc will not export it."
    assert not param.exported


def test_names_hvcc_cannot_make_code_of() -> None:
    (param,) = params_of("#X obj 1 1 r \\$0-knob @hv_event;")
    assert (param.name, param.exported) == ("$0-knob", True)
    assert param.problem is not None and "letters, digits and underscores" in param.problem


def test_a_name_is_one_parameter_per_direction_described_by_its_first_use() -> None:
    params = params_of(
        "#X obj 1 1 r x @hv_param 0 2 1;\n#X obj 1 40 r x @hv_param 0 9 9;\n#X obj 1 80 s x @hv_param;\n"
    )
    assert [(p.direction, p.source.position, p.range) for p in params] == [
        ("in", (1, 1), Range(0, 2, 1)),
        ("out", (1, 80), Range(0, 1, 0.5)),
    ]


def test_other_receivers_and_signal_sends_are_not_parameters() -> None:
    assert params_of("#X obj 1 1 r x;\n#X obj 1 1 r x 5;\n#X obj 1 1 s~ x @hv_param;\n#X obj 1 1 r;\n") == []
