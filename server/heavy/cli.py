"""`build.py heavy-token NAME [--label L] [--data DIR] [--database URL]`: a new token, its user
made if needed. `build.py heavy-worker --database URL --files DIR [--data DIR] [--workers N]`:
compile workers in a process of their own."""

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType

from server.clock import Clock
from server.database.urls import database_url, shown
from server.heavy import accounts, names
from server.heavy.queue_signals import QueueSignals
from server.heavy.queue_worker import WorkerPool
from server.heavy.service import open_parts, open_service
from server.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data"


def heavy_token_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build.py heavy-token", description=__doc__)
    parser.add_argument("name", help="the user the token is for (created if new)")
    parser.add_argument("--label", default="heavy", help="what the token is for, shown in lists")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the server's data folder")
    parser.add_argument("--database", type=database_url, metavar="URL", help="the server's --database")
    args = parser.parse_args(argv)
    if not names.valid(args.name):
        parser.error("a user name is 1 to 64 letters, digits, '_' or '-', starting with a letter or digit")
    service = open_service(Settings(data_dir=args.data.resolve(), database=args.database))
    user = service.store.ensure_user(args.name)
    token, value = accounts.issue_token(service.store, service.key, user, args.label)
    print(f"heavy token {token.id} for {user.name}, labelled {token.label!r}:")
    print(value)
    return 0


def heavy_worker_main(argv: list[str]) -> int:
    """Takes compile jobs from the server's database until SIGTERM or SIGINT, keeping the jobs'
    files in the server's files folder (a shared volume, when this runs on another machine)."""
    parser = argparse.ArgumentParser(prog="build.py heavy-worker", description=heavy_worker_main.__doc__)
    parser.add_argument(
        "--database", type=database_url, metavar="URL", required=True, help="the server's --database"
    )
    parser.add_argument(
        "--files",
        type=Path,
        required=True,
        help="the server's files folder: its --heavy-files, by default its --data folder's heavy/",
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="this worker's own folder, for its scratch folders"
    )
    parser.add_argument("--workers", type=int, default=1, help="jobs compiled at once (default 1)")
    parser.add_argument(  # polling only: the compile benchmark's comparison
        "--no-queue-signals", dest="queue_signals", action="store_false", help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    files = args.files.resolve()
    if not files.is_dir():
        parser.error(f"--files {files}: no such folder")
    if (files / "heavy").is_dir():
        parser.error(f"--files {files} is a data folder: give its heavy/, where the server keeps files")
    parts = open_parts(args.data.resolve(), files, args.database, Settings.busy_timeout, Clock())
    stop = threading.Event()

    def stopping(signum: int, frame: FrameType | None) -> None:
        stop.set()
        parts.workers.stop()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stopping)
    pool = WorkerPool(parts.worker, args.workers, stop)
    signals = QueueSignals(parts.store.database.engine, pool.wake, parts.worker.ended, args.queue_signals)
    pool.start()
    signals.start()
    print(f"heavy-worker: {args.workers} compile worker(s) on {shown(args.database)}", flush=True)
    while not stop.wait(1):
        pass
    signals.stop()
    pool.join()
    return 0
