"""Reading a pasted heavy token like the 2017 uploader did, with messages a person can act on."""

import base64
import json
from datetime import datetime

import pytest

from app.heavy.token import InvalidToken, read_token

NOW = datetime(2026, 11, 23, 12, 0)  # naive UTC, as heavy dates are


def segment(data: dict, *, padded: bool = True) -> str:
    encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).decode()
    return encoded if padded else encoded.rstrip("=")


def token(payload: dict, *, padded: bool = True) -> str:
    header = segment({"alg": "HS256", "typ": "JWT"}, padded=padded)
    return f"{header}.{segment(payload, padded=padded)}.c2lnbmF0dXJl"


def test_an_enzien_style_token_is_read() -> None:
    raw = token({"startDate": "2017-01-05T10:00:00.123456", "name": "alice"})
    parsed = read_token(f"  {raw}\n", NOW)
    assert parsed.value == raw
    assert parsed.name == "alice"
    assert parsed.start_date == datetime(2017, 1, 5, 10, 0, 0, 123456)


def test_an_unpadded_jwt_is_read_too() -> None:
    raw = token({"startDate": "2020-01-01T00:00:00.000000", "name": "bob"}, padded=False)
    assert read_token(raw, NOW).name == "bob"


def test_a_token_split_over_lines_is_joined() -> None:
    raw = token({"startDate": "2020-01-01T00:00:00.000000", "name": "bob"})
    assert read_token(raw[:20] + "\r\n" + raw[20:], NOW).value == raw


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("", "three parts"),
        ("abc.def", "three parts"),
        ("a..c", "three parts"),
        ("a.!!!!.c", "cannot be read"),
        (token({"startDate": "2020-01-01T00:00:00.000000", "service": "heavy_uploader"}), "name a user"),
        (token({"startDate": "2020-01-01T00:00:00", "name": "x"}), "start date"),
        (token({"startDate": "2030-01-01T00:00:00.000000", "name": "x"}), "clock"),
    ],
)
def test_unusable_tokens_are_refused_with_a_reason(pasted: str, message: str) -> None:
    with pytest.raises(InvalidToken, match=message):
        read_token(pasted, NOW)
