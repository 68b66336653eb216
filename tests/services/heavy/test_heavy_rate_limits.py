"""The per-user compile quota (the live suites run with rate limits off)."""

import pytest

from server.clock import Clock
from server.heavy.rate_limits import CompileQuota, RateLimited
from server.ratelimit import Limit, RateLimiter


def test_quota_refuses_past_the_limit_per_user():
    quota = CompileQuota(Limit(2, 60), RateLimiter(Clock()))
    quota.take("ann")
    quota.take("ann")
    quota.take("bea")
    with pytest.raises(RateLimited, match="try again in"):
        quota.take("ann")


def test_quota_frees_up_after_the_window():
    clock = Clock()
    quota = CompileQuota(Limit(1, 60), RateLimiter(clock))
    quota.take("ann")
    clock.advance(59)
    with pytest.raises(RateLimited, match="try again in 1 s"):
        quota.take("ann")
    clock.advance(1)
    quota.take("ann")
