"""Where the service keeps things under `data_dir/heavy/`."""

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

    def job(self, job_id: int) -> Path:
        """A job's folder: `patch/` as uploaded, `hvcc/` as compiled, `targets/` archives."""
        return self.root / "jobs" / str(job_id)

    def create(self) -> None:
        for folder in (self.root, self.work, self.root / "jobs"):
            folder.mkdir(parents=True, exist_ok=True)

    def scratch(self) -> Path:
        """A fresh folder for one compile or build; the caller removes it."""
        return Path(tempfile.mkdtemp(dir=self.work))

    def clear_scratch(self) -> None:
        """Scratch folders left by a stopped server; only call while no compile runs."""
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir()
