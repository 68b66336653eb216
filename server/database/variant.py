"""A value stored with its type, where a column holds numbers and text alike.

Openwhyd's playlist ids are ints, or legacy strings that may read like ints (`"39"`): the two
must stay apart, as they do in Mongo. SQLite keeps any value's type in a column declared without
one; PostgreSQL keeps it in a `jsonb` column. The stores wrap such values in `Variant`, and each
engine hands the driver what its column takes; read back, the value is a plain int or str.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Variant:
    value: Any


def variant(value: Any) -> Variant | None:
    """`value` to store with its type; None stays SQL's NULL."""
    return None if value is None else Variant(value)
