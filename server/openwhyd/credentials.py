"""Secrets of the service: password hashes, the signed `whydSid` cookie and signup tokens.

The protocol sends md5(password) (§2.2); we store a salted scrypt of that md5, so a stolen
database does not give away the value a client logs in with.
"""

import base64
import hashlib
import hmac
import secrets
import time
from urllib.parse import quote, unquote

from server.digits import natural

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
COOKIE = "whydSid"
COOKIE_MAX_AGE = 365 * 24 * 3600
SIGNUP_TOKEN_LIFETIME = 600


def md5(plain: str) -> str:
    return hashlib.md5(plain.encode()).hexdigest()


def hash_password(md5_hex: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(md5_hex.lower().encode(), salt=salt, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(md5_hex: str, stored: str | None) -> bool:
    if not stored or stored.count("$") != 2:
        return False
    _, salt, expected = stored.split("$")
    digest = hashlib.scrypt(md5_hex.lower().encode(), salt=bytes.fromhex(salt), **SCRYPT)
    return _same(digest.hex(), expected)


def _signature(secret: str, value: str) -> str:
    mac = hmac.new(secret.encode(), value.encode(), hashlib.sha256).digest()
    return base64.b64encode(mac).decode().rstrip("=")


def cookie_value(secret: str, sid: str) -> str:
    """`s%3A<sid>.<hmac>`, the way express-session signs and encodes it."""
    return quote(f"s:{sid}.{_signature(secret, sid)}", safe="")


def session_id(secret: str, cookie: str | None) -> str | None:
    """The session id of a genuine cookie value, else None."""
    value = unquote(cookie or "")
    if not value.startswith("s:") or "." not in value:
        return None
    sid, signature = value[2:].rsplit(".", 1)
    return sid if _same(signature, _signature(secret, sid)) else None


def set_cookie_header(secret: str, sid: str, now: float) -> str:
    expires = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + COOKIE_MAX_AGE))
    return f"{COOKIE}={cookie_value(secret, sid)}; Path=/; Expires={expires}; HttpOnly; SameSite=Strict"


def signup_token(secret: str, ip: str, now: float) -> str:
    """A token for `/register`, bound to the client address and valid for ten minutes."""
    stamp = str(int(now))
    return f"{stamp}.{_signature(secret, f'{ip}|{stamp}')}"


def genuine_signup(secret: str, ip: str, token: str, now: float) -> bool:
    stamp, _, signature = token.partition(".")
    issued = natural(stamp)
    if issued is None or now - issued > SIGNUP_TOKEN_LIFETIME:
        return False
    return _same(signature, _signature(secret, f"{ip}|{stamp}"))


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
