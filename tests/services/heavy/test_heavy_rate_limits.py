"""The per-user compile quota (the live suites run with rate limits off)."""

import pytest

from server.heavy.rate_limits import CompileQuota, RateLimited


def test_quota_refuses_past_the_limit_per_user():
    quota = CompileQuota(limit=2, window=60)
    quota.take("ann")
    quota.take("ann")
    quota.take("bea")
    with pytest.raises(RateLimited, match="try again in"):
        quota.take("ann")


def test_quota_frees_up_after_the_window():
    quota = CompileQuota(limit=1, window=0)
    quota.take("ann")
    quota.take("ann")
