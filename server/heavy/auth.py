"""Who is asking: a user token from `Authorization: Bearer` or the `token` cookie.

Presenting a token that is malformed, forged or revoked is refused outright (HTTP 401, as the
uploader expects), even where anonymous access would do. `X-Heavy-Service-Token` is optional;
when sent it must be the uploader's built-in one, the only service token that ever shipped.
"""

import hmac
from collections.abc import Mapping

from server.heavy import tokens
from server.heavy.records import User
from server.heavy.store import Store

NOT_AUTHORISED = "You are not authorised to make this request. Please log in or provide access credentials."


class Unauthorized(Exception):
    """Answered with HTTP 401 and a JSON body."""

    def __init__(self, detail: str = NOT_AUTHORISED) -> None:
        super().__init__(detail)
        self.detail = detail


def identify(headers: Mapping[str, str], cookies: Mapping[str, str], store: Store, key: bytes) -> User | None:
    """The user a request with these headers and cookies speaks for, or None when it carries no
    token at all."""
    service = headers.get("x-heavy-service-token")
    if service is not None and not hmac.compare_digest(
        service.strip().encode(), tokens.UPLOADER_SERVICE_TOKEN.encode()
    ):
        raise Unauthorized("The service token is not one this server knows.")
    presented = _presented(headers, cookies)
    if presented is None:
        return None
    try:
        claims = tokens.verify(key, presented)
    except tokens.BadToken as error:
        raise Unauthorized(f"The user token is invalid: {error}.") from error
    token = store.active_token(claims.name, claims.start_date)
    if token is None:
        raise Unauthorized("The user token has been revoked.")
    return token.user


def require(headers: Mapping[str, str], cookies: Mapping[str, str], store: Store, key: bytes) -> User:
    user = identify(headers, cookies, store, key)
    if user is None:
        raise Unauthorized()
    return user


def _presented(headers: Mapping[str, str], cookies: Mapping[str, str]) -> str | None:
    header = headers.get("authorization")
    if header is None:
        return cookies.get("token")
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise Unauthorized("The Authorization header must be 'Bearer <user token>'.")
    return credentials.strip()
