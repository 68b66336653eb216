"""Where the service keeps things of its own under `data_dir/heavy/`: scratch folders and tool
slots. What workers and servers share is in the database and the files store (files.py)."""

from pathlib import Path

from server.heavy.scratch import Scratch


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._scratch = Scratch(self.work)

    @property
    def old_secret(self) -> Path:
        """Where versions before the key moved into the database kept it."""
        return self.root / "secret"

    @property
    def work(self) -> Path:
        return self.root / "work"

    def create(self) -> None:
        for folder in (self.root, self.work):
            folder.mkdir(parents=True, exist_ok=True)

    def scratch(self) -> Path:
        """A fresh folder for one compile or build; the caller removes it."""
        return self._scratch.make()

    def clear_scratch(self) -> None:
        """This process's scratch folders, and those of processes that stopped (see scratch.py);
        only call while this process compiles nothing."""
        self._scratch.clear()
