"""`Location` values as Express writes them (its `encodeurl`): whatever a URL may not hold is
percent-encoded as UTF-8 and escapes already there are kept, so any target, a user's included,
makes a valid Latin-1 header with no control characters in it."""

import re
from urllib.parse import quote

UNSAFE = re.compile(
    r"(?:[^\x21\x23-\x3b\x3d\x3f-\x5f\x61-\x7a\x7c\x7e]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|\Z))+"
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
ENCODE_URI_KEEPS = ";,/?:@&=+$!*'()#"
"""What JavaScript's `encodeURI` leaves as it is besides letters, digits and `-_.~`."""


def encode_url(url: str) -> str:
    whole = LONE_SURROGATE.sub("\ufffd", url)
    return UNSAFE.sub(lambda run: quote(run.group(), safe=ENCODE_URI_KEEPS), whole)
