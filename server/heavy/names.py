"""Names of users and patches: they appear in paths, ids and C identifiers, so keep them plain."""

import re

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def valid(name: str) -> bool:
    return NAME.fullmatch(name) is not None
