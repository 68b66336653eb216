"""The rate limiter both services count with: keyed fixed windows on the clock's monotonic time."""

from server import ratelimit
from server.clock import Clock
from server.openwhyd.sign_ins import network
from server.ratelimit import Limit, MemoryCounts, RateLimiter

THREE_A_MINUTE = Limit(3, 60)


def test_hits_count_per_key_until_the_window_ends() -> None:
    clock = Clock()
    limiter = RateLimiter(clock)
    hits = [limiter.hit("ann", THREE_A_MINUTE) for _ in range(4)]
    assert [usage.exceeded for usage in hits] == [False, False, False, True]
    assert [usage.used_up for usage in hits] == [False, False, True, True]
    assert not limiter.hit("bea", THREE_A_MINUTE).used_up
    clock.advance(59)
    assert limiter.peek("ann", THREE_A_MINUTE).hits == 4
    assert 0 < limiter.peek("ann", THREE_A_MINUTE).resets_in <= 1
    clock.advance(1)
    assert limiter.peek("ann", THREE_A_MINUTE).hits == 0
    assert limiter.hit("ann", THREE_A_MINUTE).hits == 1


def test_peek_counts_nothing_and_forget_starts_over() -> None:
    limiter = RateLimiter(Clock())
    limiter.hit("ann", THREE_A_MINUTE)
    limiter.hit("bea", THREE_A_MINUTE)
    assert [limiter.peek("ann", THREE_A_MINUTE).hits for _ in range(3)] == [1, 1, 1]
    limiter.forget("ann")
    assert limiter.peek("ann", THREE_A_MINUTE).hits == 0
    assert limiter.peek("bea", THREE_A_MINUTE).hits == 1
    limiter.forget_all()
    assert limiter.peek("bea", THREE_A_MINUTE).hits == 0


def test_headers_are_those_express_rate_limit_sends() -> None:
    clock = Clock()
    limiter = RateLimiter(clock)
    limiter.hit("ann", Limit(5, 900))
    clock.advance(100)
    assert limiter.hit("ann", Limit(5, 900)).headers() == {
        "RateLimit-Policy": "5;w=900",
        "RateLimit-Limit": "5",
        "RateLimit-Remaining": "3",
        "RateLimit-Reset": "799",
    }


def test_ended_windows_are_forgotten_when_many_keys_are_kept(monkeypatch) -> None:
    monkeypatch.setattr(ratelimit, "MAX_KEYS", 3)
    counts = MemoryCounts()
    counts.add("old", 10, now=0)
    counts.add("long", 1000, now=0)
    counts.add("recent", 10, now=95)
    counts.add("new", 10, now=100)
    assert counts.current("long", 1000, now=100) == (0, 1)
    assert counts.current("recent", 10, now=100) == (95, 1)
    assert "old" not in counts._windows


def test_a_sign_in_address_counts_by_its_ipv6_64() -> None:
    assert network("192.0.2.7") == "192.0.2.7"
    assert network("2001:db8:1:2:aaaa::1") == network("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert network("2001:db8:1:3::1") != network("2001:db8:1:2::1")
    assert network("::ffff:192.0.2.7") == "192.0.2.7"
    assert network("testclient") == "testclient"
