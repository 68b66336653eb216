"""User tokens in Enzien's exact shape (reference §4.5), signed with this install's key.

Three padded urlsafe-base64 segments: the 2017 uploader decodes the payload with Python 2's
strict decoder, so unpadded segments would make it fail for most user names. The payload is
`{"startDate": …, "name": …}` dumped with Python's default separators, as Enzien's were.
"""

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from server.heavy.timestamps import iso

HEADER = {"alg": "HS256", "typ": "JWT"}
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"
UPLOADER_SERVICE_TOKEN = (
    "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9."
    "eyJzdGFydERhdGUiOiAiMjAxNi0xMi0xNVQyMzoyNToxMC4wOTU2MjIiLCAic2VydmljZSI6ICJoZWF2eV91cGxvYWRlciJ9."
    "w2o1_RttJUAiq6WyN0J7MhDsaSseISzgDAQ9aP9Di6M="
)


@dataclass(frozen=True)
class Claims:
    name: str
    start_date: str


class BadToken(ValueError):
    """The string is not a user token this install signed."""


def new_start_date(now: datetime) -> str:
    """A moment just before `now`, so a client whose clock lags a little still accepts the token."""
    return iso(now - timedelta(seconds=1))


def mint(key: bytes, claims: Claims) -> str:
    payload = {"startDate": claims.start_date, "name": claims.name}
    signing_input = f"{_encode_json(HEADER)}.{_encode_json(payload)}"
    return f"{signing_input}.{_encode(_sign(key, signing_input))}"


def verify(key: bytes, token: str) -> Claims:
    """The claims of a token signed with `key`; padding may have been stripped on the way."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise BadToken("a token has three dot-separated parts")
    header, payload, signature = (_decode(part) for part in parts)
    if not hmac.compare_digest(signature, _sign(key, f"{_encode(header)}.{_encode(payload)}")):
        raise BadToken("the signature does not match")
    try:
        fields = json.loads(payload)
        claims = Claims(fields["name"], fields["startDate"])
        datetime.strptime(claims.start_date, DATE_FORMAT)
    except (ValueError, TypeError, KeyError) as error:
        raise BadToken("the payload is not a user token's") from error
    return claims


def _sign(key: bytes, signing_input: str) -> bytes:
    return hmac.new(key, signing_input.encode(), hashlib.sha256).digest()


def _encode_json(value: dict) -> str:
    return _encode(json.dumps(value).encode())


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


def _decode(segment: str) -> bytes:
    """Strictly: only what `_encode` writes, with or without its padding, decodes; anything
    around it (a character after the padding, `+` or `/`, unused bits set) is refused."""
    unpadded = segment.removesuffix("=").removesuffix("=")
    try:
        data = base64.b64decode(unpadded + "=" * (-len(unpadded) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as error:
        raise BadToken("a segment is not urlsafe base64") from error
    if segment not in (_encode(data), _encode(data).rstrip("=")):
        raise BadToken("a segment is not urlsafe base64")
    return data
