"""What one run of the server is configured with; every service reads the same object."""

from dataclasses import dataclass, field
from pathlib import Path

from server.clock import Clock
from server.database import sqlite_url
from server.database.urls import POSTGRESQL
from server.lastfm.settings import LastFmSettings
from server.ratelimit import Limit

FIFTEEN_MINUTES = 15 * 60
OPENWHYD_MOUNT = "/openwhyd"
"""Where `serve` mounts the Openwhyd service beside the app."""


@dataclass(frozen=True)
class SignInLimits:
    """Failed Openwhyd sign-ins allowed per account and per client address in each window; the
    next try is refused until the window ends, and a success clears the account's count.

    Five per account leaves room for a person who mistypes and stops a guesser at 480 tries a day
    for that account, from any number of addresses. Twenty per address lets a few people behind one
    NAT mistype while one machine trying many accounts is stopped after twenty. A success does not
    clear an address's count: one's own account would then reset it between guesses at others'.
    """

    per_account: int = 5
    per_address: int = 20
    window: float = FIFTEEN_MINUTES

    @property
    def account(self) -> Limit:
        return Limit(self.per_account, self.window)

    @property
    def address(self) -> Limit:
        return Limit(self.per_address, self.window)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    seed: Path | None = None
    test_mode: bool = False
    rate_limits: bool = True
    """The real server's per-route limits (reference §1.4) and heavy's compile quota. The test
    suites turn them off, as the real server's tests do."""
    compile_quota: Limit = field(default_factory=lambda: Limit(20, 60))
    """Compiles per heavy user, so one client cannot keep every worker busy."""
    sign_in_limits: SignInLimits | None = SignInLimits()
    """Failed sign-ins (None: no limit). Apart from `rate_limits`: it is this server's own guard, in
    place of the one request per second the real deployment's nginx allows, so it stays on in tests."""
    busy_timeout: float = 30.0
    """Seconds a database write waits for another's lock before it fails: long, since failing loses
    the work (a compile's result), and a wait that long means something else is wrong."""
    database: str | None = None
    """`sqlite:///DIR` or `postgresql://user@host:port/db` (see `server.database.urls`); None is
    SQLite in the data folder. Uploads and keys stay in the data folder (or `heavy_files`) whatever
    the engine."""
    heavy_files: Path | None = None
    """heavy's files store (uploads waiting for a compile worker, compiled jobs, target archives),
    shared with `build.py heavy-worker` processes; None is the data folder's `heavy/`."""
    openwhyd_upstream: str | None = None
    openwhyd_root: str = OPENWHYD_MOUNT
    """The path the Openwhyd service answers under: `/openwhyd` beside the app, "" on its own
    (`serve-openwhyd`), a drop-in Openwhyd server. The mount, the demo world's audio URLs and the
    banner read it; a request's links and `Location`s read the same prefix from the request
    (its ASGI `root_path`), which is where this mounted it."""
    heavy_origins: tuple[str, ...] = ("*",)
    """The origins whose pages may call the heavy API (CORS, bearer tokens only: no cookies);
    `*` is any."""
    compile_workers: int | None = None
    """heavy's compile workers in the server's processes together; None is one per CPU, 0 leaves
    compiling to `build.py heavy-worker` processes sharing the database and `heavy_files`."""
    queue_signals: bool = True
    """On PostgreSQL, heavy's compile workers and waiting submits are woken by the database's
    notifications (server/heavy/queue_signals.py); off, they only look every half second, which
    `tests/bench/compile_latency_bench.py` compares (`serve --no-queue-signals`)."""
    workers: int = 1
    """Server processes on one port and database (`serve --workers`)."""
    shared_database: bool = False
    """Other server processes use this database too, started by the deployment's own process
    manager (`serve --shared-database`)."""
    lastfm: LastFmSettings = field(default_factory=LastFmSettings)
    """Last.fm's endpoints and the application's key; without a key and secret nobody can connect."""
    clock: Clock = field(default_factory=Clock)
    """Shared by both services, so moving it in test mode moves the time of the whole run."""

    @property
    def database_url(self) -> str:
        return self.database or sqlite_url(self.data_dir)

    @property
    def shared(self) -> bool:
        """Whether other processes may write to the database: then what a process keeps in memory
        (Openwhyd's read cache, rate-limit counts) is kept in, or checked against, the database.
        A PostgreSQL database always may be; one process on SQLite keeps it all in memory."""
        return self.shared_database or self.workers > 1 or self.database_url.startswith(POSTGRESQL)
