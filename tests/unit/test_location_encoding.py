"""Openwhyd's `Location` values are encoded as Express's `encodeurl` encodes them."""

import pytest

from server.openwhyd.location import encode_url


@pytest.mark.parametrize(
    ("url", "encoded"),
    [
        (
            "/openwhyd/adrien/playlist/39?format=json&limit=2",
            "/openwhyd/adrien/playlist/39?format=json&limit=2",
        ),
        ("https://x.example/日本.jpg", "https://x.example/%E6%97%A5%E6%9C%AC.jpg"),
        ("http://localhost/foo bar", "http://localhost/foo%20bar"),
        ("/a\x00b\r\nc", "/a%00b%0D%0Ac"),
        ('/"<>`{}', "/%22%3C%3E%60%7B%7D"),
        ("/[x]|^~!*'();:@&=+$,?#frag", "/[x]|^~!*'();:@&=+$,?#frag"),
        ("/%20already%2Fescaped%e6", "/%20already%2Fescaped%e6"),
        ("/%foo/%/%zz", "/%25foo/%25/%25zz"),
        ("/\U0001f3b5", "/%F0%9F%8E%B5"),
        ("/\ud83d/x\udc00", "/%EF%BF%BD/x%EF%BF%BD"),
    ],
)
def test_what_a_url_cannot_hold_is_percent_encoded_and_escapes_are_kept(url: str, encoded: str) -> None:
    assert encode_url(url) == encoded
    assert encode_url(encoded) == encoded
