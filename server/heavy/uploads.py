"""Form bodies read with a ceiling, so an oversized upload costs little and gets a clear answer.

The body is kept up to the upload cap plus room for the other form fields. Past that it is
drained (not kept) up to a further bound, so the client can still read the refusal; a body
bigger than even that is refused without reading it.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Message, Receive

from server.calls import TooLarge, read_body
from server.heavy import json_form
from server.heavy.responses import Refusal
from server.heavy.unzip import MAX_UPLOAD, UploadTooLarge

FORM_ROOM = 64 * 1024
DRAIN_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Form:
    """A form's parts by name, the last of each name as Starlette's `FormData.get` gives it: a
    text field's value, or a file's content."""

    parts: Mapping[str, str | bytes]

    def file(self, *fields: str) -> bytes | None:
        """The content of the first file part among `fields`, or None when none was sent."""
        for field in fields:
            part = self.parts.get(field)
            if isinstance(part, bytes):
                return part
        return None

    def sent(self, field: str) -> str | None:
        """A text field as sent, empty or not; None when it was not sent."""
        value = self.parts.get(field)
        return value.strip() if isinstance(value, str) else None

    def text(self, *fields: str) -> str | None:
        """The first non-empty text field among `fields`."""
        for field in fields:
            value = self.parts.get(field)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None


async def read_form(request: Request) -> Form:
    """Raises `Refusal` (a hard 413, or a hard 400 for a malformed body) or `UploadTooLarge`."""
    try:
        body = await read_body(request, MAX_UPLOAD + FORM_ROOM, DRAIN_LIMIT)
    except TooLarge as refused:
        if refused.drained:
            raise UploadTooLarge(
                f"The request is {refused.size} bytes; uploads are limited to {MAX_UPLOAD} bytes."
            ) from None
        size = f"over {DRAIN_LIMIT}" if refused.size is None else str(refused.size)
        raise Refusal(
            413, f"The request is {size} bytes; uploads are limited to {MAX_UPLOAD} bytes.", soft=False
        ) from None
    if request.headers.get("content-type", "").split(";")[0].strip().lower() in json_form.JSON_TYPES:
        return Form(json_form.form_fields(body))
    try:
        form = await Request(request.scope, _replay(body)).form(
            max_files=2, max_fields=16, max_part_size=FORM_ROOM
        )
    except HTTPException as malformed:
        raise Refusal(malformed.status_code, malformed.detail, soft=False) from malformed
    parts = {name: part if isinstance(part, str) else await part.read() for name, part in form.multi_items()}
    await form.close()
    return Form(parts)


def _replay(body: bytes) -> Receive:
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> Message:
        return messages.pop() if messages else {"type": "http.disconnect"}

    return receive
