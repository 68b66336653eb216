"""Latency of the Openwhyd service on a large world, under concurrent clients on loopback.

    .venv/bin/python tests/bench/openwhyd_bench.py [--users 1000 --posts 100000 --playlist 10000]

It writes a seed folder (§4 shapes) for a world of `--users` users and `--posts` posts, one user
("bench") owning a `--playlist`-track playlist, starts `build.py serve --seed` on it, then has
`--clients` concurrent keep-alive clients read a profile page, a playlist page and `/hot` in
turn, and prints p50/p99 latencies per page. Then, in the same run:

- a bare Starlette JSON route under the same uvicorn (tests/bench/bare_json.py), answering the
  profile page's bytes: what the framework alone costs;
- a mixed round, the same reads while a quarter of the requests are signed-in writes (like, comment,
  new post), each writer with its own session.

`--serve-option` passes an option on to `serve`: `--shared-database` measures what a process
pays to check its kept answers against the database; `--workers=2`, two processes.

Targets (issue 13): uncached reads p99 ≤ 50 ms and ≤ 2x the bare route's p99; mixed p99 ≤ 100 ms.
Not collected by pytest.
"""

import argparse
import asyncio
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from http_load import fetch, percentile, request  # noqa: E402

from app.api.transports.cpython import CpythonTransport  # noqa: E402
from app.openwhyd.client import OpenwhydClient  # noqa: E402
from app.openwhyd.export import to_m3u  # noqa: E402
from buildkit.serving import free_port, serving, wait_until_serving  # noqa: E402
from server.openwhyd.ids import new_id  # noqa: E402

DAY = 24 * 3600
PREFIX = "/openwhyd"
ADMIN_MD5 = "21232f297a57a5a743894a0e4a801fc3"


def world(users: int, posts: int, playlist: int, seed: int = 7) -> dict[str, list[dict]]:
    """Documents for the seed folder; posts spread over 60 days, so /hot ranks about an eighth."""
    rng = random.Random(seed)
    now = time.time()
    people = [
        {
            "_id": new_id(now - 400 * DAY),
            "name": "Bench Mark",
            "handle": "bench",
            "email": "bench@example.org",
            "pwd": ADMIN_MD5,
            "pl": [{"id": 0, "name": "big"}],
        }
    ]
    for n in range(1, users):
        people.append(
            {
                "_id": new_id(now - 400 * DAY),
                "name": f"User {n}",
                "handle": f"user{n:04d}",
                "pl": [{"id": i, "name": f"list {i}"} for i in range(5)],
            }
        )
    eids = [f"/yt/track{n:05d}" for n in range(posts // 5)]
    docs = []
    for n in range(posts):
        owner = people[0] if n < playlist else rng.choice(people[1:])
        doc = {
            "_id": new_id(now - rng.random() * 60 * DAY),
            "uId": owner["_id"],
            "uNm": owner["name"],
            "text": "",
            "name": f"Artist {n % 997} - Song {n}",
            "eId": rng.choice(eids),
            "img": "https://i.ytimg.com/vi/x/default.jpg",
            "lov": rng.sample([p["_id"] for p in people[:50]], rng.choice([0, 0, 0, 1, 3])),
        }
        if n < playlist:
            doc["pl"] = {"id": 0, "name": "big"}
        elif rng.random() < 0.5:
            doc["pl"] = {"id": rng.randrange(5), "name": "list"}
        docs.append(doc)
    follows = [
        {"uId": p["_id"], "uNm": p["name"], "tId": t["_id"], "tNm": t["name"]}
        for p in people
        for t in rng.sample(people, 20)
        if t is not p
    ]
    return {"user": people, "post": docs, "follow": follows}


def write_world(seed: Path, users: int, posts: int, playlist: int) -> None:
    """Writes the world's seed folder into `seed` (made if missing); prints the time it took."""
    seed.mkdir(exist_ok=True)
    started = time.perf_counter()
    for name, docs in world(users, posts, playlist).items():
        (seed / f"{name}.json").write_text(json.dumps(docs))
    print(f"world written in {time.perf_counter() - started:.1f} s")


def playlist_ids(base: str) -> list[str]:
    """The ids of every track of bench's big playlist, read in one request."""
    with urllib.request.urlopen(f"{base}/bench/playlist/0?format=json&limit=999999") as reply:
        return [post["_id"] for post in json.load(reply)]


def spread_pages(users: int, exported: list[str], requests: int) -> dict[str, list[str]]:
    """Pages spread over the world: random users' profiles, the big playlist after random tracks,
    /hot at 200 offsets."""
    rng = random.Random(1)
    return {
        "profile": [f"{PREFIX}/user{rng.randrange(1, users):04d}?format=json" for _ in range(requests)],
        "playlist": [
            f"{PREFIX}/bench/playlist/0?format=json&after={pid}"
            for pid in rng.sample(exported, min(len(exported), requests // 3))
        ],
        "hot": [f"{PREFIX}/hot?format=json&skip={n}" for n in range(200)],
    }


TARGET_READ_P99_MS = 50
TARGET_READ_VS_BARE = 2.0
TARGET_MIXED_P99_MS = 100


async def load(
    ports: Sequence[int], pages: dict[str, list[str]], clients: int, per_client: int
) -> dict[str, list[float]]:
    """`clients` connections, spread over `ports` in turn, each requesting the pages in turn,
    `per_client` requests in all; each request of a page takes the next of that page's URLs."""
    timings: dict[str, list[float]] = {name: [] for name in pages}
    names = list(pages)
    turns = {name: itertools.cycle(urls) for name, urls in pages.items()}

    async def client(offset: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", ports[offset % len(ports)])
        for n in range(per_client):
            name = names[(offset + n) % len(names)]
            timings[name].append(await fetch(reader, writer, request("GET", next(turns[name]))))
        writer.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return timings


def post_form(path: str, form: str, cookie: str) -> bytes:
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    return request("POST", path, headers, form.encode())


def session_cookie(base: str) -> str:
    """A fresh signed-in session of `bench`, as the `Cookie` header that carries it."""
    form = f"action=login&ajax=true&email=bench&md5={ADMIN_MD5}".encode()
    with urllib.request.urlopen(urllib.request.Request(f"{base}/login", data=form)) as reply:
        cookie = reply.headers["Set-Cookie"]
    return cookie.split(";", 1)[0]


async def mixed(
    ports: Sequence[int], pages: dict[str, list[str]], cookies: list[str], posts: list[str], per_client: int
) -> dict[str, list[float]]:
    """Each client (on `ports` in turn, the session of its cookie made there) reads the pages in
    turn, and every fourth request writes with its own session: a like, a comment or a new track,
    in turn."""
    rng = random.Random(3)
    timings: dict[str, list[float]] = {name: [] for name in [*pages, "write"]}
    names = list(pages)
    turns = {name: itertools.cycle(urls) for name, urls in pages.items()}
    commented = itertools.cycle(rng.sample(posts, len(posts)))  # one comment a post: no two-second rule
    writes = itertools.cycle(
        [
            lambda: f"action=toggleLovePost&pId={rng.choice(posts)}",
            lambda: f"action=addComment&pId={next(commented)}&text=bench+{rng.random():.6f}",
            lambda: f"action=insert&eId=/yt/bench{rng.randrange(10**6)}&name=Bench+{rng.random():.6f}",
        ]
    )

    async def client(offset: int, cookie: str) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", ports[offset % len(ports)])
        for n in range(per_client):
            if n % 4 == 3:
                timings["write"].append(
                    await fetch(reader, writer, post_form(f"{PREFIX}/api/post", next(writes)(), cookie))
                )
            else:
                name = names[(offset + n) % len(names)]
                timings[name].append(
                    await fetch(reader, writer, request("GET", next(turns[name]), {"Cookie": cookie}))
                )
        writer.close()

    await asyncio.gather(*(client(i, cookie) for i, cookie in enumerate(cookies)))
    return timings


def bare_route(body: bytes, clients: int, requests: int) -> list[float]:
    """Latencies of the bare Starlette route answering `body`, under the same load."""
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        file.write(body)
        file.flush()
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/bench/bare_json.py"), str(port), file.name]
        )
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/", proc, 30)
            asyncio.run(load([port], {"bare": ["/"]}, clients, 3))
            return asyncio.run(load([port], {"bare": ["/"]}, clients, max(1, requests // clients)))["bare"]
        finally:
            proc.terminate()
            proc.wait(timeout=15)


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


EXPORT_PAGE = 1000


async def export_through_client(base: str) -> int:
    """What the app's export does: walk the whole playlist page by page, then write the file."""
    client = OpenwhydClient(base, CpythonTransport(), page_delay=0)
    tracks = [track async for track in client.iter_playlist_tracks("bench", 0, page_size=EXPORT_PAGE)]
    to_m3u(tracks)
    return len(tracks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--playlist", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="in all, over every page")
    parser.add_argument(
        "--serve-option",
        action="append",
        default=[],
        metavar="OPTION",
        help="passed on to serve, e.g. --serve-option=--shared-database or --serve-option=--workers=2",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed, data = Path(tmp, "seed"), Path(tmp, "data")
        write_world(seed, args.users, args.posts, args.playlist)
        started = time.perf_counter()
        options = ["--seed", str(seed), "--no-rate-limits", *args.serve_option]
        with serving(data, *options, timeout=600) as root:
            print(f"seeded and serving in {time.perf_counter() - started:.1f} s")
            base, port = f"{root}/openwhyd", int(root.rsplit(":", 1)[1])
            started = time.perf_counter()
            exported = playlist_ids(base)
            print(
                f"export of {len(exported)} playlist tracks (one request): "
                f"{(time.perf_counter() - started) * 1000:.0f} ms"
            )
            started = time.perf_counter()
            walked = asyncio.run(export_through_client(base))
            print(
                f"export of {walked} playlist tracks through the client, pages of {EXPORT_PAGE}, "
                f"as M3U: {(time.perf_counter() - started) * 1000:.0f} ms"
            )
            rounds = {
                "same pages": {
                    "profile": [f"{PREFIX}/user0042?format=json"],
                    "playlist": [f"{PREFIX}/bench/playlist/0?format=json"],
                    "hot": [f"{PREFIX}/hot?format=json"],
                },
                "spread": spread_pages(args.users, exported, args.requests),
            }
            results = {}
            for title, pages in rounds.items():
                asyncio.run(load([port], {name: urls[:1] for name, urls in pages.items()}, args.clients, 3))
                results[title] = asyncio.run(
                    load([port], pages, args.clients, max(1, args.requests // args.clients))
                )
            cookies = [session_cookie(base) for _ in range(args.clients)]
            results["mixed"] = asyncio.run(
                mixed([port], rounds["spread"], cookies, exported, max(1, args.requests // args.clients))
            )
            with urllib.request.urlopen(f"{base}/user0042?format=json") as reply:
                profile_bytes = reply.read()
        results["bare"] = {"bare": bare_route(profile_bytes, args.clients, args.requests)}
    print(f"{args.clients} concurrent clients, {args.users} users, {args.posts} posts", *args.serve_option)
    print(f"{'round':11} {'page':9} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for title, timings in results.items():
        for name, values in timings.items():
            print(
                f"{title:11} {name:9} {len(values):8} {percentile(values, 0.5):8.1f} "
                f"{percentile(values, 0.99):8.1f} {statistics.mean(values) * 1000:8.1f}"
            )
    reads = [value for values in results["spread"].values() for value in values]
    read_p99 = percentile(reads, 0.99)
    bare_p99 = percentile(results["bare"]["bare"], 0.99)
    mixed_p99 = percentile([value for values in results["mixed"].values() for value in values], 0.99)
    print(
        f"uncached reads p99: {read_p99:.1f} ms (target ≤ {TARGET_READ_P99_MS}) "
        f"{verdict(read_p99, TARGET_READ_P99_MS)}"
    )
    ratio = read_p99 / bare_p99
    print(
        f"uncached reads p99 / bare Starlette p99 ({bare_p99:.1f} ms): {ratio:.2f} "
        f"(target ≤ {TARGET_READ_VS_BARE}) {verdict(ratio, TARGET_READ_VS_BARE)}"
    )
    print(
        f"mixed p99: {mixed_p99:.1f} ms (target ≤ {TARGET_MIXED_P99_MS}) "
        f"{verdict(mixed_p99, TARGET_MIXED_P99_MS)}"
    )


if __name__ == "__main__":
    main()
