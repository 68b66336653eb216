"""One running Openwhyd service: its settings, database, files, secrets and limits, and its world."""

from dataclasses import dataclass

from server.clock import Clock
from server.database import Connection, engine_for
from server.openwhyd import demo, seed
from server.openwhyd.files import Files
from server.openwhyd.sign_ins import SignIns
from server.openwhyd.store import Store
from server.private_files import service_folder
from server.ratelimit import RateLimiter
from server.settings import Settings
from server.shared_counts import rate_limiter

TABLES = ("notifs", "activity", "sessions", "loves", "comments", "follows", "posts", "playlists", "users")


@dataclass(frozen=True)
class Service:
    settings: Settings
    store: Store
    files: Files
    session_secret: str
    signup_secret: str
    limiter: RateLimiter
    """Every limit of the service: the real server's per route, and failed sign-ins."""
    sign_ins: SignIns

    @property
    def clock(self) -> Clock:
        return self.settings.clock

    @classmethod
    def open(cls, settings: Settings) -> "Service":
        """Open (or create) the service's data under `data_dir/openwhyd/`; fill it on first start."""
        files = Files(service_folder(settings.data_dir, "openwhyd"))
        engine = engine_for(settings.database_url, "openwhyd", settings.busy_timeout)
        store = Store(engine, settings.clock.now(), settings.shared)
        limiter = rate_limiter(settings, "openwhyd")
        service = cls(
            settings,
            store,
            files,
            store.secret("session"),
            store.secret("signup"),
            limiter,
            SignIns(limiter, settings.sign_in_limits),
        )
        with store.write() as db:
            if not db.execute("SELECT 1 FROM meta WHERE key = 'world'").fetchone():
                service._populate(db)
        store.analyze()
        demo.write_audio(files.root / "audio")
        return service

    def _populate(self, db: Connection) -> None:
        now = self.clock.now()
        if self.settings.seed is None:
            demo.load(db, now, self.settings.openwhyd_root)
        else:
            seed.load(db, seed.read(self.settings.seed), now)
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('world', 'loaded')"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )

    def reset(self) -> None:
        """Back to the seed (or demo) world at the machine's time: every table emptied and filled
        again, uploads gone, every limit's count forgotten."""
        self.clock.reset()
        with self.store.write() as db:
            for table in TABLES:
                db.execute(f"DELETE FROM {table}")
            self._populate(db)
        self.store.analyze()
        self.files.clear()
        self.limiter.forget_all()
