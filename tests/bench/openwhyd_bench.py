"""Latency of the Openwhyd service on a large world, under concurrent clients on loopback.

    .venv/bin/python tests/bench/openwhyd_bench.py [--users 1000 --posts 100000 --playlist 10000]

It writes a seed folder (§4 shapes) for a world of `--users` users and `--posts` posts, one user
("bench") owning a `--playlist`-track playlist, starts `build.py serve --seed` on it, then has
`--clients` concurrent keep-alive clients read a profile page, a playlist page and `/hot` in
turn, and prints p50/p99 latencies per page (target: p99 ≤ 50 ms). Not collected by pytest.
"""

import argparse
import asyncio
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from http_load import fetch, percentile, request  # noqa: E402

from app.api.transports.cpython import CpythonTransport  # noqa: E402
from app.openwhyd.client import OpenwhydClient  # noqa: E402
from app.openwhyd.export import to_m3u  # noqa: E402
from buildkit.serving import serving  # noqa: E402
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


async def load(
    port: int, pages: dict[str, list[str]], clients: int, per_client: int
) -> dict[str, list[float]]:
    """`clients` connections, each requesting the pages in turn, `per_client` requests in all;
    each request of a page takes the next of that page's URLs."""
    timings: dict[str, list[float]] = {name: [] for name in pages}
    names = list(pages)
    turns = {name: itertools.cycle(urls) for name, urls in pages.items()}

    async def client(offset: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for n in range(per_client):
            name = names[(offset + n) % len(names)]
            timings[name].append(await fetch(reader, writer, request("GET", next(turns[name]))))
        writer.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return timings


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed, data = Path(tmp, "seed"), Path(tmp, "data")
        seed.mkdir()
        started = time.perf_counter()
        for name, docs in world(args.users, args.posts, args.playlist).items():
            (seed / f"{name}.json").write_text(json.dumps(docs))
        print(f"world written in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        with serving(data, "--seed", str(seed), "--no-rate-limits", timeout=600) as root:
            print(f"seeded and serving in {time.perf_counter() - started:.1f} s")
            base, port = f"{root}/openwhyd", int(root.rsplit(":", 1)[1])
            started = time.perf_counter()
            with urllib.request.urlopen(f"{base}/bench/playlist/0?format=json&limit=999999") as reply:
                exported = [post["_id"] for post in json.load(reply)]
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
            rng = random.Random(1)
            rounds = {
                "same pages": {
                    "profile": [f"{PREFIX}/user0042?format=json"],
                    "playlist": [f"{PREFIX}/bench/playlist/0?format=json"],
                    "hot": [f"{PREFIX}/hot?format=json"],
                },
                "spread": {
                    "profile": [
                        f"{PREFIX}/user{rng.randrange(1, args.users):04d}?format=json"
                        for _ in range(args.requests)
                    ],
                    "playlist": [
                        f"{PREFIX}/bench/playlist/0?format=json&after={pid}"
                        for pid in rng.sample(exported, args.requests // 3)
                    ],
                    "hot": [f"{PREFIX}/hot?format=json&skip={n}" for n in range(200)],
                },
            }
            results = {}
            for title, pages in rounds.items():
                asyncio.run(load(port, {name: urls[:1] for name, urls in pages.items()}, args.clients, 3))
                results[title] = asyncio.run(
                    load(port, pages, args.clients, max(1, args.requests // args.clients))
                )
    print(f"{args.clients} concurrent clients, {args.users} users, {args.posts} posts")
    print(f"{'round':11} {'page':9} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for title, timings in results.items():
        for name, values in timings.items():
            print(
                f"{title:11} {name:9} {len(values):8} {percentile(values, 0.5):8.1f} "
                f"{percentile(values, 0.99):8.1f} {statistics.mean(values) * 1000:8.1f}"
            )


if __name__ == "__main__":
    main()
