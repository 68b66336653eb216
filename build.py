"""Tonearm's one entry point: vendor, build, serve, test, bench (`python build.py --help`)."""

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from buildkit import environment
from buildkit.bench_links import LINKS, link_names
from buildkit.paths import DIST, ROOT
from server.database.urls import POSTGRESQL, database_url
from server.lastfm.settings import LASTFM_API, LASTFM_AUTH
from server.settings import OPENWHYD_MOUNT

NEEDS_TEST_EXTRAS = {"test", "check", "bench"}
PASSES_ARGUMENTS_ON = {"test", "heavy-token", "heavy-worker"}
"""Commands whose arguments, `--help` included, belong to the tool they run (pytest, the token CLI)."""


def http_url(value: str) -> str:
    url = urlsplit(value)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {value!r}")
    return value.rstrip("/")


def postgresql_url(value: str) -> str:
    if not database_url(value).startswith(POSTGRESQL):
        raise argparse.ArgumentTypeError(f"not a postgresql:// URL: {value!r}")
    return value


def failed_sign_ins(value: str) -> tuple[int, int]:
    """`ACCOUNT,ADDRESS`: failed sign-ins allowed per account and per address."""
    counts = re.fullmatch(r"([1-9][0-9]*),([1-9][0-9]*)", value)
    if counts is None:
        raise argparse.ArgumentTypeError(f"not two counts above 0, like 5,20: {value!r}")
    return int(counts[1]), int(counts[2])


def origin_list(value: str) -> tuple[str, ...]:
    """`*`, or origins like `https://app.example` separated by commas."""
    origins = tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())
    for origin in origins:
        if origin != "*" and (http_url(origin) != origin or urlsplit(origin).path):
            raise argparse.ArgumentTypeError(f"not an origin (scheme://host[:port]): {origin!r}")
    if not origins:
        raise argparse.ArgumentTypeError("name at least one origin, or *")
    return origins


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a count above 0: {value!r}")
    return int(value)


def server_options(serve: argparse.ArgumentParser, *, with_app: bool) -> None:
    """The options of `serve` and `serve-openwhyd`: one parsing for both. `with_app` adds those
    of the app's files, heavy and the `/openwhyd` mount; `serve-openwhyd` runs the Openwhyd
    service alone at the root."""
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--data", type=Path, default=ROOT / "data", help="where the services keep state")
    serve.add_argument(
        "--database",
        type=database_url,
        metavar="URL",
        help="sqlite:///DIR or postgresql://user@host:port/db (default: SQLite in --data)",
    )
    serve.add_argument("--seed", type=Path, help="a folder of Openwhyd user/post/follow.json to load")
    serve.add_argument("--test-mode", action="store_true", help="enable the test-only routes")
    serve.add_argument(
        "--no-rate-limits",
        dest="rate_limits",
        action="store_false",
        help="turn off the real Openwhyd server's per-route limits and heavy's compile quota",
    )
    serve.add_argument(
        "--failed-sign-ins",
        type=failed_sign_ins,
        metavar="ACCOUNT,ADDRESS",
        help="failed Openwhyd sign-ins allowed per account and per address in 15 minutes (default 5,20)",
    )
    serve.add_argument(
        "--no-sign-in-limit",
        dest="sign_in_limit",
        action="store_false",
        help="allow any number of failed sign-ins",
    )
    serve.add_argument(
        "--workers",
        type=positive,
        default=1,
        metavar="N",
        help="server processes on the one port and database (default 1)",
    )
    serve.add_argument(
        "--shared-database",
        action="store_true",
        help="other serve processes (a process manager's) use this data folder or database too",
    )
    # `--workers` gives each process it starts the listening socket they share, and its own id:
    serve.add_argument("--listen-fd", type=int, help=argparse.SUPPRESS)
    serve.add_argument("--supervisor", type=int, help=argparse.SUPPRESS)
    serve.add_argument(
        "--lastfm-api",
        type=http_url,
        default=LASTFM_API,
        metavar="URL",
        help=f"Last.fm's API root (default {LASTFM_API}); its key and secret come from the"
        " environment, LAST_FM_API_KEY and LAST_FM_API_SECRET, as the real server reads them",
    )
    serve.add_argument(
        "--lastfm-auth",
        type=http_url,
        default=LASTFM_AUTH,
        metavar="URL",
        help=f"Last.fm's page where users connect their account (default {LASTFM_AUTH})",
    )
    if not with_app:
        serve.set_defaults(
            standalone=True,
            openwhyd_root="",
            dist=None,
            openwhyd_upstream=None,
            compile_workers=None,
            queue_signals=True,
            heavy_files=None,
            heavy_origins=("*",),
        )
        return
    serve.set_defaults(standalone=False, openwhyd_root=OPENWHYD_MOUNT)
    serve.add_argument("--dist", type=Path, help="serve this built dist/ instead of the working tree")
    serve.add_argument(
        "--openwhyd-upstream",
        type=http_url,
        metavar="URL",
        help="proxy /openwhyd/ to this Openwhyd server instead of running our own",
    )
    serve.add_argument(
        "--compile-workers",
        type=int,
        metavar="N",
        help="heavy compile workers in the server's processes (default: one per CPU; 0: heavy-worker only)",
    )
    serve.add_argument(  # polling only, on PostgreSQL too: the compile benchmark's comparison
        "--no-queue-signals", dest="queue_signals", action="store_false", help=argparse.SUPPRESS
    )
    serve.add_argument(
        "--heavy-files",
        type=Path,
        metavar="DIR",
        help="heavy's uploads and compiled jobs, shared with heavy-worker processes (default: DATA/heavy)",
    )
    serve.add_argument(
        "--heavy-origins",
        type=origin_list,
        default=("*",),
        metavar="ORIGINS",
        help="comma-separated origins whose pages may call the heavy API with a token (default: * for any)",
    )


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    vendor = commands.add_parser("vendor", help="fetch the pinned browser runtime into static/vendor/")
    vendor.add_argument("--relock", action="store_true", help="rewrite checksums after a bump")
    build = commands.add_parser("build", help="a self-contained dist/ for any static host")
    build.add_argument("--out", type=Path, default=DIST)
    serve = commands.add_parser("serve", help="the app and both services on one origin")
    server_options(serve, with_app=True)
    serve_openwhyd = commands.add_parser(
        "serve-openwhyd", help="the Openwhyd-compatible service alone at /, a drop-in Openwhyd server"
    )
    server_options(serve_openwhyd, with_app=False)
    migrate = commands.add_parser(
        "migrate-data", help="copy a SQLite data folder into a PostgreSQL database (stop the server first)"
    )
    migrate.add_argument("--from", dest="source", type=Path, required=True, help="the SQLite data folder")
    migrate.add_argument(
        "--to", dest="target", type=postgresql_url, required=True, metavar="URL", help="an empty database"
    )
    migrate.add_argument("--data", type=Path, help="the new data folder for the files (default: --from's)")
    commands.add_parser(
        "test", add_help=False, help="run the whole test suite (other arguments go to pytest)"
    )
    commands.add_parser(
        "heavy-token",
        add_help=False,
        help="print a new heavy token for a user (NAME [--label L] [--data DIR])",
    )
    commands.add_parser(
        "heavy-worker",
        add_help=False,
        help="compile heavy jobs from a server's database"
        " (--database URL --files DIR [--data DIR] [--workers N])",
    )
    commands.add_parser("check", help="lint, formatting and types (ruff, ruff format, mypy), as CI runs them")
    bench = commands.add_parser("bench", help="startup benchmark against the bare runtime")
    bench.add_argument("--runs", type=int, default=9, help="runs on loopback; slower links take a share")
    bench.add_argument(
        "--links",
        type=link_names,
        default=LINKS,
        metavar="NAMES",
        help=f"comma-separated, of {','.join(link.name for link in LINKS)} (default: all)",
    )
    bench.add_argument("--player-only", action="store_true", help="only the player's click → playing part")
    args, passed_on = parser.parse_known_args(argv or ["build"])
    if passed_on and args.command not in PASSES_ARGUMENTS_ON:
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    if args.command in ("serve", "serve-openwhyd") and args.test_mode and args.workers > 1:
        parser.error("--test-mode moves a clock each process keeps: run it with one process")
    args.passed_on = passed_on
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    environment.enter(("test",) if args.command in NEEDS_TEST_EXTRAS else ())
    from buildkit import commands

    return getattr(commands, args.command.replace("-", "_"))(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
