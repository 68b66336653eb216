"""The per-install key tokens are signed with: made once, kept in the data folder, mode 0600."""

import os
import secrets
from pathlib import Path

KEY_BYTES = 32


def load_or_create(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text().strip())
    with os.fdopen(fd, "w") as file:
        file.write(secrets.token_hex(KEY_BYTES))
    return bytes.fromhex(path.read_text().strip())
