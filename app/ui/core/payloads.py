"""What an action reads from the page, parsed once at the edge. The page hands the controller
strings (a clicked element's data attributes, a form's fields); each action names a frozen
dataclass, its payload, which `parse` builds from them, each field converted to its type. A field
that is missing or unreadable is a `BadField` naming it, which the controller shows beside the
action's form: the handler itself only ever sees a whole payload."""

from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any, TypeVar, cast, get_type_hints

P = TypeVar("P")


class BadField(ValueError):
    """`field` (its name in the page) is missing, or its value is no `kind`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class NoData:
    """The payload of an action that reads nothing from the page."""


def named(key: str, **options: Any) -> Any:
    """A payload field read from the page's `key` (such as `from`, which Python reserves)."""
    return field(metadata={"key": key}, **options)


def page_key(spec: Field) -> str:
    return spec.metadata.get("key", spec.name)


def checked(raw: str) -> bool:
    """A checkbox's field is there when it is checked; a data attribute, when it is not empty."""
    return raw != ""


CONVERSIONS: dict[type, tuple[Callable[[str], Any], str]] = {
    str: (str, "text"),
    int: (int, "whole number"),
    float: (float, "number"),
    bool: (checked, "yes or no"),
}
"""How a field of each type is read from its string, and what to call the type when it is not."""


def parse(kind: type[P], data: Mapping[str, str]) -> P:
    """The payload `kind` read from `data`; a class with its own `from_data` reads itself."""
    custom = getattr(kind, "from_data", None)
    if custom is not None:
        return custom(data)
    values: dict[str, Any] = {}
    types = get_type_hints(kind)
    for spec in fields(cast(Any, kind)):
        key = page_key(spec)
        if key not in data:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise BadField(key, f"This form came without its “{key}”: reload the page and try again.")
            continue
        convert, noun = CONVERSIONS[types[spec.name]]
        try:
            values[spec.name] = convert(data[key])
        except ValueError:
            raise BadField(key, f"The “{key}” of this form should be a {noun}, not “{data[key]}”.") from None
    return kind(**values)


def form_values(payload: Any) -> dict[str, str]:
    """A payload's text fields by their names in the page: what a refused form shows again."""
    return {
        page_key(spec): value
        for spec in fields(payload)
        if isinstance(value := getattr(payload, spec.name), str)
    }
