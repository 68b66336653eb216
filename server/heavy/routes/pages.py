"""Enzien's pages under `/h/` (reference §3.5): the uploader prints a job's, and old links point
to users' and patches'. A browser gets a page that opens the studio there; a client that asks
for JSON (and not HTML) gets the document `/a/` serves for the same thing.

The studio is the app, which `serve` and the deployments README shows lay out at the root of the
host the service is mounted on (`/heavy`, or `/a` and `/h` at the root).
"""

from collections.abc import Callable
from html import escape
from urllib.parse import quote

from starlette.responses import HTMLResponse, Response

from server.heavy import names
from server.heavy.responses import refusal
from server.heavy.routes import jobs, patches, users
from server.heavy.web import Call

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={url}">
<title>{title} · heavy · Tonearm</title>
</head>
<body>
<p>{title} is in the heavy studio: <a href="{url}">open it</a>.</p>
</body>
</html>
"""


def user_page(call: Call) -> Response:
    user = call.path["user"]
    return _page(call, users.profile, f"u/{_segments(user)}", f"{user}'s patches")


def patch_page(call: Call) -> Response:
    owner, name = call.path["owner"], call.path["patch"]
    return _page(call, patches.show, f"p/{_segments(owner, name)}", f"The patch {owner}/{name}")


def job_page(call: Call) -> Response:
    owner, name, version = call.path["owner"], call.path["patch"], call.path["version"]
    where = f"p/{_segments(owner, name, version)}"
    return _page(call, jobs.show, where, f"Version {version} of {owner}/{name}")


def wants_json(accept: str) -> bool:
    """JSON when the client names it and not HTML, as the uploader and JSON:API clients do."""
    types = {part.split(";")[0].strip().lower() for part in accept.split(",")}
    return bool(types & {"application/json", "application/vnd.api+json"}) and "text/html" not in types


def _page(call: Call, document: Callable[[Call], Response], where: str, title: str) -> Response:
    """A name no user or patch can have is no page: Starlette's 404 for a path no route takes."""
    named = [call.path[key] for key in ("user", "owner", "patch") if key in call.path]
    if not all(map(names.valid, named)):
        return refusal(404, "Not Found", soft=False)
    if wants_json(call.headers.get("accept", "")):
        return document(call)
    url = f"{call.root.rpartition('/')[0]}/#/heavy/{where}"
    return HTMLResponse(PAGE.format(url=escape(url), title=escape(title)))


def _segments(*parts: str) -> str:
    return "/".join(quote(part, safe="") for part in parts)
