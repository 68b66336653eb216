"""The key tokens are signed with: one per database, made by the first process to need it, so that
every app machine sharing the database accepts the tokens any of them minted."""

import secrets
from pathlib import Path

from server.heavy.store import Store

KEY_BYTES = 32
NAME = "token signing key"


def load_or_create(store: Store, old_file: Path) -> bytes:
    """The database's key; on first start, the key an older version kept in the data folder
    (`heavy/secret`), so that the tokens it signed keep working, else a new one."""
    offered = old_file.read_text().strip() if old_file.exists() else secrets.token_hex(KEY_BYTES)
    return bytes.fromhex(store.secret(NAME, offered))
