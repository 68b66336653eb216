"""The few files the service's own pages load: the track-order page's script and stylesheet, and
the stylesheet of the list pages."""

from collections.abc import Callable
from pathlib import Path

from starlette.responses import Response

from server.openwhyd.web import Call

STATIC = Path(__file__).parent.parent / "static"
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def asset(name: str) -> Callable[[Call], Response]:
    def controller(call: Call) -> Response:
        return Response(
            (STATIC / name).read_bytes(),
            media_type=TYPES[Path(name).suffix],
            headers={"Cache-Control": "public, max-age=3600"},
        )

    return controller
