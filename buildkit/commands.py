"""What each `build.py` command does; runs inside `.venv` with the dependencies installed."""

import argparse
import os
import socket
import subprocess
import sys

from starlette.types import ASGIApp

from buildkit.paths import ROOT
from buildkit.vendor import ensure_vendored
from server.lastfm.settings import LastFmSettings
from server.settings import Settings, SignInLimits


def vendor(args: argparse.Namespace) -> int:
    from buildkit.vendor import vendor as fetch

    fetch(relock_checksums=args.relock)
    return 0


def build(args: argparse.Namespace) -> int:
    from buildkit.dist import build_dist

    ensure_vendored()
    build_dist(args.out.resolve())
    return 0


def serve_settings(args: argparse.Namespace) -> Settings:
    """What the flags of `serve` and `serve-openwhyd` configure."""
    sign_ins = SignInLimits(*args.failed_sign_ins) if args.failed_sign_ins else SignInLimits()
    return Settings(
        data_dir=args.data.resolve(),
        database=args.database,
        seed=args.seed and args.seed.resolve(),
        test_mode=args.test_mode,
        rate_limits=args.rate_limits,
        sign_in_limits=sign_ins if args.sign_in_limit else None,
        openwhyd_upstream=args.openwhyd_upstream,
        openwhyd_root=args.openwhyd_root,
        lastfm=LastFmSettings.from_environment(os.environ, args.lastfm_api, args.lastfm_auth),
        compile_workers=args.compile_workers,
        queue_signals=args.queue_signals,
        heavy_files=args.heavy_files and args.heavy_files.resolve(),
        heavy_origins=args.heavy_origins,
        workers=args.workers,
        shared_database=args.shared_database,
    )


def serve(args: argparse.Namespace) -> int:
    """One server process; with `--workers N`, N of them on one socket (server_processes), started
    on data this process prepared for them."""
    import uvicorn

    from buildkit.server_processes import listening, run_processes, stop_with

    if not args.standalone:
        ensure_vendored()
    settings = serve_settings(args)
    if args.listen_fd is not None:
        stop_with(args.supervisor)
        server = uvicorn.Server(uvicorn.Config(serve_app(args, settings), log_level="warning"))
        server.run(sockets=[socket.socket(fileno=args.listen_fd)])
        return 0
    if args.workers > 1:
        prepare(args, settings)
        sock = listening(args.host, args.port)
        print_banner(args, settings, f"{args.workers} processes; Ctrl-C stops them")
        return run_processes(ROOT / "build.py", sys.argv[1:], sock, args.workers)
    app = serve_app(args, settings)
    print_banner(args, settings, "Ctrl-C stops it")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


serve_openwhyd = serve
"""`serve-openwhyd`: `serve` with the Openwhyd service alone at the root (`args.standalone`)."""


def prepare(args: argparse.Namespace, settings: Settings) -> None:
    from server import openwhyd
    from server.services import prepare_services

    if args.standalone:
        openwhyd.prepare(settings)
    else:
        prepare_services(settings)


def print_banner(args: argparse.Namespace, settings: Settings, stops: str) -> None:
    from server import openwhyd
    from server.services import service_banners

    what, lines = (
        ("Openwhyd", openwhyd.banner(settings)) if args.standalone else ("Tonearm", service_banners(settings))
    )
    print(f"{what} on http://{args.host}:{args.port}/  ({stops})")
    for line in lines:
        print(f"  {line}")
    sys.stdout.flush()


def serve_app(args: argparse.Namespace, settings: Settings) -> ASGIApp:
    from buildkit.page_policy import policy_site
    from buildkit.tree_site import tree_site
    from server import openwhyd
    from server.site import dist_site
    from server.web import create_app

    if args.standalone:
        return openwhyd.create_app(settings)
    root = args.dist.resolve() if args.dist else ROOT
    site = dist_site(root) if args.dist else tree_site(ROOT, settings.clock)
    return create_app(settings, policy_site(site, root / "pyscript.toml"))


def migrate_data(args: argparse.Namespace) -> int:
    from server.clock import Clock
    from server.data_copy import copy_data_folder
    from server.database.transfer import NotEmpty

    data = (args.data or args.source).resolve()
    try:
        done = copy_data_folder(args.source.resolve(), args.target, data, Clock())
    except (NotEmpty, FileNotFoundError) as refused:
        print(f"nothing copied: {refused}", file=sys.stderr)
        return 1
    for copied in done:
        rows = ", ".join(f"{table} {count}" for table, count in sorted(copied.rows.items()))
        print(f"{copied.service}: rows copied and counted: {rows}; files copied: {copied.files}")
    print(f"run it with: python3 build.py serve --data {data} --database URL")
    return 0


def test(args: argparse.Namespace) -> int:
    ensure_vendored()
    return subprocess.call([sys.executable, "-m", "pytest", *args.passed_on], cwd=ROOT)


CHECKS = (
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("mypy",),
)
"""What CI checks besides the tests; mypy reads its files and strictness from pyproject.toml."""


def check(args: argparse.Namespace) -> int:
    failed = [" ".join(tool) for tool in CHECKS if subprocess.call([sys.executable, "-m", *tool], cwd=ROOT)]
    for tool in failed:
        print(f"failed: {tool}", file=sys.stderr)
    return 1 if failed else 0


def heavy_token(args: argparse.Namespace) -> int:
    from server.heavy.cli import heavy_token_main

    return heavy_token_main(args.passed_on)


def heavy_worker(args: argparse.Namespace) -> int:
    from server.heavy.cli import heavy_worker_main

    return heavy_worker_main(args.passed_on)


def bench(args: argparse.Namespace) -> int:
    from buildkit.bench import run_benchmark

    ensure_vendored()
    return run_benchmark(runs=args.runs, links=args.links, player_only=args.player_only)
