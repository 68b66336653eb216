"""Folders and files this user alone may read: the services keep password hashes, sessions and
signing keys in them. Made so from the start, and tightened when an older version made them."""

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def service_folder(data_dir: Path, name: str) -> Path:
    """`data_dir/name`, with `data_dir`, made or tightened to 0700 (parents of `data_dir` as they are)."""
    for folder in (data_dir, data_dir / name):
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)
    return data_dir / name


def private_file(path: Path) -> None:
    """`path`, made empty if it is missing, with mode 0600."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    path.chmod(FILE_MODE)
