"""A cap on compiles per user, so one client cannot keep every worker busy; off in tests."""

from server.ratelimit import Limit, RateLimiter


class RateLimited(Exception):
    """The message says when to try again."""

    status = 429


class CompileQuota:
    """At most `limit.hits` compiles per user in each window of `limit.window` seconds."""

    def __init__(self, limit: Limit, limiter: RateLimiter) -> None:
        self.limit, self.limiter = limit, limiter

    def take(self, user: str) -> None:
        usage = self.limiter.hit(f"compiles {user}", self.limit)
        if usage.exceeded:
            raise RateLimited(
                f"{user} has sent {self.limit.hits} compiles in the last "
                f"{self.limit.window:g} s; try again in {usage.resets_in:.0f} s."
            )
