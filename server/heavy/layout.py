"""Where the service keeps things under `data_dir/heavy/`."""

from pathlib import Path

from server.heavy.scratch import Scratch


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._scratch = Scratch(self.work)

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
        return self._scratch.make()

    def clear_scratch(self) -> None:
        """This process's scratch folders, and those of processes that stopped (see scratch.py);
        only call while this process compiles nothing."""
        self._scratch.clear()
