"""Values read out of a service's JSON, which may be missing, null or of another type than the
reference says (legacy documents, other servers): each reader gives its type's empty value then."""

from typing import Any


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str:
    """A string as it is; anything else (a number included) as ""."""
    return value if isinstance(value, str) else ""
