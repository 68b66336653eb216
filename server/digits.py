"""Whole numbers read from requests: ASCII digits only (`'²'.isdigit()` is true, and `int()`
refuses it) and bounded before conversion (`int()` refuses text of over 4300 digits)."""

SQLITE_INTEGER = 2**63 - 1
"""The largest number a SQLite INTEGER column holds."""


def natural(text: str, maximum: int = SQLITE_INTEGER) -> int | None:
    """`text` as a number from 0 to `maximum`, else None."""
    if text.isascii() and text.isdigit() and len(text) <= len(str(maximum)):
        number = int(text)
        return number if number <= maximum else None
    return None
