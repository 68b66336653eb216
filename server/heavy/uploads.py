"""Form bodies read with a ceiling, so an oversized upload costs little and gets a clear answer.

The body is buffered up to the upload cap plus room for the other form fields. Past that it is
drained (not kept) up to a further bound, so the client can still read the refusal; a body
bigger than even that is refused without reading it.
"""

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.types import Message

from server.heavy.responses import Refusal
from server.heavy.unzip import MAX_UPLOAD, UploadTooLarge

FORM_ROOM = 64 * 1024
DRAIN_LIMIT = 16 * 1024 * 1024


async def read_form(request: Request) -> FormData:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAIN_LIMIT:
        raise Refusal(
            413, f"The request is {declared} bytes; uploads are limited to {MAX_UPLOAD} bytes.", soft=False
        )
    body, seen = bytearray(), 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > DRAIN_LIMIT:
            raise Refusal(
                413,
                f"The request is over {DRAIN_LIMIT} bytes; uploads are limited to {MAX_UPLOAD} bytes.",
                soft=False,
            )
        if seen <= MAX_UPLOAD + FORM_ROOM:
            body += chunk
    if seen > MAX_UPLOAD + FORM_ROOM:
        raise UploadTooLarge(f"The request is {seen} bytes; uploads are limited to {MAX_UPLOAD} bytes.")
    return await Request(request.scope, _replay(bytes(body))).form(
        max_files=2, max_fields=16, max_part_size=FORM_ROOM
    )


async def file_bytes(form: FormData, *fields: str) -> bytes | None:
    """The content of the first file part among `fields`, or None when none was sent."""
    for field in fields:
        part = form.get(field)
        if isinstance(part, UploadFile):
            return await part.read()
    return None


def text(form: FormData, *fields: str) -> str | None:
    """The first non-empty text field among `fields`."""
    for field in fields:
        value = form.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _replay(body: bytes):
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> Message:
        return messages.pop() if messages else {"type": "http.disconnect"}

    return receive
