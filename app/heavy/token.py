"""heavy user tokens, read and checked the way the real uploader did before sending anything.

A token is three url-safe base64 segments (Enzien padded them; a standard unpadded JWT is read
too). The middle one is JSON with `name` and `startDate` (naive UTC, microseconds). The signature
is the server's business: the client only refuses what cannot work.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from app.api.errors import ApiError

START_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"


class InvalidToken(ApiError):
    """The pasted text is not a usable heavy user token; nothing was sent."""

    default_message = "This is not a heavy user token."


@dataclass(frozen=True)
class HeavyToken:
    value: str
    name: str
    start_date: datetime


def _segment(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def read_token(pasted: str, now: datetime) -> HeavyToken:
    """The token in `pasted` (surrounding whitespace ignored), or InvalidToken saying what is wrong;
    `now` is naive UTC."""
    value = "".join(pasted.split())
    parts = value.split(".")
    if len(parts) != 3 or not all(parts):
        raise InvalidToken("A heavy token has three parts separated by dots: paste all of it.")
    try:
        payload = json.loads(_segment(parts[1]))
    except (binascii.Error, ValueError) as error:
        raise InvalidToken("The token's contents cannot be read: paste it again.") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("name"), str) or not payload["name"]:
        raise InvalidToken("This token does not name a user (is it a service token?).")
    try:
        start = datetime.strptime(str(payload.get("startDate")), START_DATE_FORMAT)
    except ValueError as error:
        raise InvalidToken("The token has no readable start date.") from error
    if start > now:
        raise InvalidToken(
            f"This token only becomes valid on {start:%Y-%m-%d %H:%M} UTC; check your computer's clock."
        )
    return HeavyToken(value=value, name=payload["name"], start_date=start)
