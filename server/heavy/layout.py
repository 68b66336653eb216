"""Where the service keeps things of its own under `data_dir/heavy/`: its signing key and scratch
folders. What workers and servers share is in the files store (files.py)."""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def secret(self) -> Path:
        return self.root / "secret"

    @property
    def work(self) -> Path:
        return self.root / "work"

    def create(self) -> None:
        for folder in (self.root, self.work):
            folder.mkdir(parents=True, exist_ok=True)

    def scratch(self) -> Path:
        """A fresh folder for one compile or build; the caller removes it."""
        return Path(tempfile.mkdtemp(dir=self.work))

    def clear_scratch(self) -> None:
        """Scratch folders left by a stopped server; only call while no compile runs."""
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir()
