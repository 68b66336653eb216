"""What the service's ASGI layers put on responses."""

from starlette.datastructures import MutableHeaders
from starlette.types import Message

NO_CACHE = "max-age=0,no-cache,no-store,post-check=0,pre-check=0"
"""The header the real server puts on every non-static response (§1.4)."""


def with_headers(message: Message, headers: dict[str, str]) -> Message:
    """A response-start message with those of `headers` it does not have already (a header the
    app set is the more specific one)."""
    target = MutableHeaders(scope=message)
    for name, value in headers.items():
        target.setdefault(name, value)
    return message
