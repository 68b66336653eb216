"""Which compressed copy a client's Accept-Encoding gets: brotli before gzip, never a refused one."""

import pytest

from server.content_coding import accepted_coding

BOTH = {"br": None, "gzip": None}


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        (None, "identity"),
        ("", "identity"),
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("x-gzip", "gzip"),
        ("GZip;Q=0.5", "gzip"),
        ("br;q=0.1, gzip;q=1.0", "br"),
        ("br;q=0, gzip", "gzip"),
        ("br;q=0.0, gzip;q=0", "identity"),
        ("*", "br"),
        ("*;q=0", "identity"),
        ("br;q=0, *", "gzip"),
        ("gzip;q=0, *;q=0.5", "br"),
        ("identity", "identity"),
        ("identity;q=0", "identity"),
        ("deflate, zstd", "identity"),
        ("br;q=nonsense, gzip", "gzip"),
    ],
)
def test_brotli_then_gzip_then_identity_honouring_q_0(accept_encoding: str | None, coding: str) -> None:
    assert accepted_coding(accept_encoding, BOTH) == coding


def test_only_offered_codings_are_chosen() -> None:
    assert accepted_coding("br, gzip", {"gzip": None}) == "gzip"
    assert accepted_coding("br", {"gzip": None}) == "identity"
    assert accepted_coding("br, gzip", {}) == "identity"
