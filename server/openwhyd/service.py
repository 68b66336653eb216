"""One running Openwhyd service: its settings, database, files and secrets, and its world."""

import sqlite3
from dataclasses import dataclass

from server.clock import Clock
from server.openwhyd import demo, seed
from server.openwhyd.files import Files
from server.openwhyd.store import Store
from server.settings import Settings

TABLES = ("sessions", "loves", "comments", "follows", "posts", "playlists", "users")


@dataclass(frozen=True)
class Service:
    settings: Settings
    store: Store
    files: Files
    session_secret: str
    signup_secret: str

    @property
    def clock(self) -> Clock:
        return self.settings.clock

    @classmethod
    def open(cls, settings: Settings) -> "Service":
        """Open (or create) the service's data under `data_dir/openwhyd/`; fill it on first start."""
        files = Files(settings.data_dir / "openwhyd")
        store = Store(files.root / "openwhyd.sqlite3", settings.clock.now())
        service = cls(settings, store, files, store.secret("session"), store.secret("signup"))
        with store.write() as db:
            if not db.execute("SELECT 1 FROM meta WHERE key = 'world'").fetchone():
                service._populate(db)
        demo.write_audio(files.root / "audio")
        return service

    def _populate(self, db: sqlite3.Connection) -> None:
        now = self.clock.now()
        if self.settings.seed is None:
            demo.load(db, now)
        else:
            seed.load(db, seed.read(self.settings.seed), now)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('world', 'loaded')")

    def reset(self) -> None:
        """Back to the seed (or demo) world at the machine's time: every table emptied and filled
        again, uploads gone."""
        self.clock.reset()
        with self.store.write() as db:
            for table in TABLES:
                db.execute(f"DELETE FROM {table}")
            self._populate(db)
        self.files.clear()
