"""Failed sign-ins, counted per account and per client address (the limits: `SignInLimits`)."""

import ipaddress

from server.ratelimit import Limit, RateLimiter, Usage
from server.settings import SignInLimits

IPV6_PREFIX = 64
"""An IPv6 client counts by its /64: one connection is usually given a whole /64."""


def network(address: str) -> str:
    """The address a client's failures count under."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ip.ipv4_mapped or ipaddress.IPv6Network((ip, IPV6_PREFIX), strict=False))
    return str(ip)


class SignIns:
    """With no `limits`, nothing is counted or refused."""

    def __init__(self, limiter: RateLimiter, limits: SignInLimits | None) -> None:
        self.limiter, self.limits = limiter, limits

    def refusal(self, address: str, uid: str | None = None) -> Usage | None:
        """The used-up limit that refuses a sign-in from `address` (into `uid`'s account) now."""
        for key, limit in self._counted(address, uid):
            usage = self.limiter.peek(key, limit)
            if usage.used_up:
                return usage
        return None

    def failed(self, address: str, uid: str | None = None) -> None:
        """A wrong password for `uid`, or an unknown account (no `uid`)."""
        for key, limit in self._counted(address, uid):
            self.limiter.hit(key, limit)

    def succeeded(self, uid: str) -> None:
        self.limiter.forget(_account(uid))

    def _counted(self, address: str, uid: str | None) -> list[tuple[str, Limit]]:
        if self.limits is None:
            return []
        by_address = (f"sign-in address {network(address)}", self.limits.address)
        return [(_account(uid), self.limits.account), by_address] if uid else [by_address]


def _account(uid: str) -> str:
    return f"sign-in account {uid}"
