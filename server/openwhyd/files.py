"""Files the service keeps on disk: uploads, avatars, covers, playlist images and demo audio."""

import re
import shutil
from pathlib import Path
from typing import TypeGuard

KINDS = ("upload_data", "uAvatarImg", "uCoverImg", "uPlaylistImg", "audio")
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}")


class Files:
    """One folder per kind under `root`; names from requests are checked before any use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for kind in KINDS:
            (root / kind).mkdir(parents=True, exist_ok=True)

    def path(self, kind: str, name: str) -> Path:
        return self.root / kind / name

    @staticmethod
    def safe(name: object) -> TypeGuard[str]:
        """A plain file name: no path, no leading dot."""
        return isinstance(name, str) and bool(SAFE_NAME.fullmatch(name)) and ".." not in name

    def existing(self, kind: str, name: object) -> Path | None:
        """The file `name` of `kind` if it is a plain file name that exists, else None."""
        if not self.safe(name):
            return None
        path = self.path(kind, name)
        return path if path.is_file() else None

    def move(self, source: Path, kind: str) -> str:
        """Move an uploaded file into `kind`; returns its new name."""
        shutil.move(source, self.path(kind, source.name))
        return source.name

    def clear(self) -> None:
        """Remove every user-made file (the demo audio stays)."""
        for kind in KINDS:
            if kind != "audio":
                for path in (self.root / kind).iterdir():
                    path.unlink()
