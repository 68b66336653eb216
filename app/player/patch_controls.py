"""What the player bar offers for a playing patch: a control per `@hv_param`, and its level in dB.

A parameter with a range gets a slider whose keyboard step is about a hundredth of the range and
lands on the default; one whose range is empty gets a number field. Values sent to the patch stay
within the range, whatever the page hands over.

The embeddable widget builds the same controls under MicroPython, so this module imports nothing
it lacks: no dataclasses, no typing at run time.
"""

import math

TYPE_CHECKING = False
if TYPE_CHECKING:  # the build's reader (zipfile and all) loads with the first patch played
    from collections.abc import Iterable

    from app.heavy.web_build import WebParam

FLOOR_DB = -60.0
"""The quietest level the meter tells apart from silence."""
STEPS_PER_RANGE = 100
MINUS = "\u2212"


class Control:
    """`step` None is any value; `kind` is the input's type, "range" or "number"."""

    def __init__(
        self, name: str, minimum: float, maximum: float, default: float, step: float | None, kind: str
    ) -> None:
        self.name, self.minimum, self.maximum, self.default = name, minimum, maximum, default
        self.step, self.kind = step, kind

    def _fields(self) -> tuple:
        return (self.name, self.minimum, self.maximum, self.default, self.step, self.kind)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Control) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Control" + repr(self._fields())


def _on_grid(offset: float, step: float) -> bool:
    steps = offset / step
    return abs(steps - round(steps)) < 1e-6


def step_for(minimum: float, maximum: float, default: float) -> float | None:
    """The largest of 1, 2 or 5 times a power of ten within a hundredth of the range, made finer
    until the default lies on it; None (any value) when three tenths more do not reach it."""
    span = maximum - minimum
    if not span > 0:
        return None
    scale = 10.0 ** math.floor(math.log10(span / STEPS_PER_RANGE))
    step = max(unit * scale for unit in (1, 2, 5) if unit * scale <= span / STEPS_PER_RANGE)
    for _ in range(4):
        if _on_grid(default - minimum, step):
            return step
        step /= 10
    return None


def control_for(name: str, minimum: float, maximum: float, default: float) -> Control:
    kind = "range" if maximum > minimum else "number"
    return Control(name, minimum, maximum, default, step_for(minimum, maximum, default), kind)


def controls_for(params: "Iterable[WebParam]") -> tuple[Control, ...]:
    return tuple(control_for(p.name, p.minimum, p.maximum, p.default) for p in params)


def value_for(control: Control, text: str) -> float | None:
    """The value to send for what the control holds: within its range; None for no number."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if control.kind == "number":
        return value
    return min(control.maximum, max(control.minimum, value))


def shown(value: float) -> str:
    """A parameter value as the control's readout shows it (the template prints it the same way)."""
    return f"{value:g}"


def peak(samples: "Iterable[float]") -> float:
    return max((abs(sample) for sample in samples), default=0.0)


def decibels(amplitude: float) -> float:
    """Full scale (1.0) is 0 dB; anything at or below the floor, silence included, is the floor."""
    if not amplitude > 0:
        return FLOOR_DB
    return max(FLOOR_DB, 20 * math.log10(amplitude))


def level_text(level: float) -> str:
    """The meter's words: "-20 dB" (with a true minus sign), or "silent" at the floor."""
    if level <= FLOOR_DB:
        return "silent"
    return f"{round(level)} dB".replace("-", MINUS)
