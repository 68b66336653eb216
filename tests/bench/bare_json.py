"""The floor the Openwhyd benchmark measures against: a bare Starlette JSON route under the same
uvicorn, answering fixed bytes, so the ratio shows what the service itself adds.

    .venv/bin/python tests/bench/bare_json.py PORT BODY_FILE
"""

import sys
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def bare_app(body: bytes) -> Starlette:
    async def answer(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/", answer)])


if __name__ == "__main__":
    port, body_file = int(sys.argv[1]), Path(sys.argv[2])
    uvicorn.run(bare_app(body_file.read_bytes()), host="127.0.0.1", port=port, log_level="warning")
