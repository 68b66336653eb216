"""`build.py heavy-token NAME [--label L] [--data DIR] [--database URL]`: a new token, its user
made if needed."""

import argparse
from pathlib import Path

from server.database.urls import database_url
from server.heavy import accounts, names
from server.heavy.service import open_service
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
