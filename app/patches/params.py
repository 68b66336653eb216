"""The parameters a patch exposes through hvcc, read from the patch so the player can offer them.

`[r name @hv_param min max default]` is an input, `[s name @hv_param …]` an output, and `@hv_event`
marks a bang with no value; only `r`/`receive`/`s`/`send` with the annotation second count.
"""

import re
from dataclasses import dataclass
from typing import Literal

from app.patches.pd import PdFiles, Placed

DIRECTIONS: dict[str, Literal["in", "out"]] = {"r": "in", "receive": "in", "s": "out", "send": "out"}
HVCC_DEFAULTS = (0.0, 1.0, 0.5)  # min, max, default when the patch leaves them out


@dataclass(frozen=True)
class Range:
    minimum: float
    maximum: float
    default: float
    type: str = "float"


@dataclass(frozen=True)
class Param:
    """One `@hv_param` or `@hv_event` on a send or receive, described as hvcc will export it."""

    name: str
    kind: Literal["param", "event"]
    direction: Literal["in", "out"]
    range: Range | None  # None for an event
    source: Placed
    problem: str | None = None  # what hvcc will say about it

    @property
    def exported(self) -> bool:
        """hvcc refuses to export a parameter whose default lies outside its range."""
        return self.range is None or self.range.minimum <= self.range.default <= self.range.maximum


def _range(atoms: tuple[str, ...]) -> tuple[Range, str | None]:
    """min, max, default and type as hvcc reads them: in order, keeping its defaults from the first
    missing or non-numeric value on."""
    numbers = list(HVCC_DEFAULTS)
    problem: str | None = None
    for position, atom in enumerate(atoms[:3]):
        try:
            numbers[position] = float(atom)
        except ValueError:
            problem = "Its minimum, maximum and default should be numbers."
            break
    minimum, maximum, default = numbers
    kind = atoms[3:4] if problem is None else ()
    return Range(minimum, maximum, default, *kind), problem


def _out_of_range(value: Range) -> str | None:
    if not value.minimum <= value.default:
        wrong = f"Its default {value.default:g} is below its minimum {value.minimum:g}"
    elif not value.default <= value.maximum:
        wrong = f"Its default {value.default:g} is above its maximum {value.maximum:g}"
    else:
        return None
    return f"{wrong}: hvcc will not export it."


def _bad_name(name: str) -> str | None:
    if re.search(r"\W", name):
        return "Its name may only hold letters, digits and underscores: hvcc makes code of it."
    return None


def _param(placed: Placed) -> Param | None:
    direction = DIRECTIONS.get(placed.name)
    if direction is None or len(placed.args) < 2:
        return None
    name, annotation, *values = placed.args
    if annotation == "@hv_event":
        return Param(name, "event", direction, None, placed, _bad_name(name))
    if annotation != "@hv_param":
        return None
    value, problem = _range(tuple(values))
    return Param(name, "param", direction, value, placed, _bad_name(name) or _out_of_range(value) or problem)


def patch_params(files: PdFiles) -> tuple[Param, ...]:
    """Inputs then outputs, each sorted by name as hvcc lists them; a name used twice in one
    direction is one parameter to hvcc, described by its first use."""
    found: dict[tuple[str, str], Param] = {}
    for placed in files.objects():
        param = _param(placed)
        if param is not None:
            found.setdefault((param.direction, param.name), param)
    return tuple(found[key] for key in sorted(found))
