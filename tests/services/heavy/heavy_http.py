"""Stdlib HTTP for the heavy service suites: requests in, status + headers + body out."""

import base64
import io
import json
import zipfile
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from app.api.transport import UploadFile, encode_multipart

SINE_PD = """#N canvas 0 0 480 320 12;
#X obj 40 40 r freq @hv_param 20 2000 440;
#X obj 40 80 osc~ 440;
#X obj 40 120 *~ 0.1;
#X obj 40 160 dac~;
#X connect 0 0 1 0;
#X connect 1 0 2 0;
#X connect 2 0 3 0;
#X connect 2 0 3 1;
"""
UNKNOWN_OBJECT_PD = """#N canvas 0 0 480 320 12;
#X obj 30 40 osc~ 220;
#X obj 120 70 fiddle~;
#X obj 30 120 dac~;
#X connect 0 0 1 0;
#X connect 1 0 2 0;
"""


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        assert self.headers.get_content_type() == "application/json", self.headers
        return json.loads(self.body)


def call(
    method: str,
    url: str,
    *,
    token: str | None = None,
    cookie: str | None = None,
    form: dict[str, str] | None = None,
    files: dict[str, bytes] | None = None,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> Reply:
    """One request; `files` makes it multipart, `form` alone urlencoded."""
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    if cookie is not None:
        sent["Cookie"] = f"token={cookie}"
    if files is not None:
        body, sent["Content-Type"] = multipart(form or {}, files)
    elif form is not None:
        body = urlencode(form).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        with urlopen(Request(url, data=body, headers=sent, method=method), timeout=120) as r:
            return Reply(r.status, r.headers, r.read())
    except HTTPError as error:
        return Reply(error.code, error.headers, error.read())


def multipart(fields: dict[str, str], files: dict[str, bytes]) -> tuple[bytes, str]:
    """A multipart body and its content type, each file sent as the uploader sends its zip."""
    content_type, body = encode_multipart(
        tuple(fields.items()),
        tuple(UploadFile(name, "archive.zip", data, "application/zip") for name, data in files.items()),
    )
    return body, content_type


def zip_of(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def owner_of(token: str) -> str:
    return json.loads(base64.urlsafe_b64decode(token.split(".")[1]))["name"]


def create_patch(heavy: str, token: str, name: str, **fields: str) -> dict:
    return call(
        "POST",
        f"{heavy}/a/patches/",
        token=token,
        form={"owner_name": owner_of(token), "name": name, **fields},
    ).json()


def submit(heavy: str, token: str, patch: str, upload: bytes, **fields: str) -> dict:
    return call(
        "POST",
        f"{heavy}/a/patches/{owner_of(token)}/{patch}/jobs/",
        token=token,
        form=fields,
        files={"file": upload},
    ).json()
