"""Rules for what users type as names, handles and emails (reference §2.3, §3.1).

Reserved handles are the route names plus words kept for later, as in the real server's
`config/reservedwords.txt`.
"""

import re
import unicodedata
from pathlib import Path

HANDLE = re.compile(r"^[a-z0-9]+[a-z0-9_\-.]+[a-z0-9]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RESERVED = frozenset((Path(__file__).parent / "reserved_words.txt").read_text().split())


def normalise(name: str) -> str:
    """`n`: the name lowercased without accents, used for search and sorting."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def handle_error(handle: str) -> str | None:
    """Why `handle` cannot be used (taken-ness aside), or None."""
    if not 3 <= len(handle) <= 18:
        return "Your username must be between 3 and 18 characters"
    if not HANDLE.match(handle):
        return "Your username can only contain lowercase letters, digits, dots, dashes and underscores"
    if handle.isdigit():
        return "Your username cannot be only digits"
    if handle in RESERVED:
        return "This username is reserved"
    return None


def valid_email(email: str) -> bool:
    return bool(EMAIL.match(email)) and len(email) <= 254
