"""The per-install key tokens are signed with: made once, kept in the data folder, mode 0600."""

import secrets
from pathlib import Path

from server.whole_files import create_whole

KEY_BYTES = 32


def load_or_create(path: Path) -> bytes:
    """Processes starting together all read the one key the first of them wrote."""
    if not path.exists():
        create_whole(path, secrets.token_hex(KEY_BYTES).encode())
    return bytes.fromhex(path.read_text().strip())
