"""Requests encode their URL and body the same for every transport; responses read back."""

import email.parser
import email.policy
import json

import pytest

from app.api.transport import Request, Response, UploadFile, encode_multipart


def test_params_are_appended_with_repeats_and_escaping() -> None:
    request = Request("GET", "http://h/api/playlist", params=(("id", "a_0"), ("id", "b 1&x")))
    assert request.full_url == "http://h/api/playlist?id=a_0&id=b+1%26x"
    assert Request("GET", "http://h/x?a=1", params=(("b", "2"),)).full_url == "http://h/x?a=1&b=2"
    assert Request("GET", "./openwhyd/hot").full_url == "./openwhyd/hot"


def test_json_bodies_keep_nesting_and_types() -> None:
    content_type, body = Request(
        "POST", "u", json={"action": "setOrder", "id": "0", "order": ["a", "b"]}
    ).encode_body()
    assert content_type == "application/json"
    assert json.loads(body) == {"action": "setOrder", "id": "0", "order": ["a", "b"]}


def test_form_bodies_are_urlencoded_and_no_body_is_none() -> None:
    assert Request("POST", "u", form=(("pl[id]", "2"), ("name", "é"))).encode_body() == (
        "application/x-www-form-urlencoded",
        b"pl%5Bid%5D=2&name=%C3%A9",
    )
    assert Request("GET", "u").encode_body() == (None, b"")


def parse_multipart(content_type: str, body: bytes) -> list:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    return list(message.iter_parts())


def test_multipart_bodies_carry_fields_and_files() -> None:
    image = b"\x89PNG\r\n\x1a\n--not-a-boundary"
    content_type, body = Request(
        "POST",
        "u",
        form=(("thumbDims", "180x"),),
        files=(UploadFile("file", 'my "cat".png', image, "image/png"),),
    ).encode_body()
    field, file = parse_multipart(content_type, body)
    assert (field.get_param("name", header="content-disposition"), field.get_content()) == (
        "thumbDims",
        "180x",
    )
    assert file.get_filename() == "my %22cat%22.png"
    assert (file.get_content_type(), file.get_content()) == ("image/png", image)


def test_multipart_boundaries_are_fresh_unless_given() -> None:
    files = (UploadFile("f", "a.txt", b"x"),)
    assert encode_multipart((), files)[0] != encode_multipart((), files)[0]
    assert encode_multipart((), files, "b")[0] == "multipart/form-data; boundary=b"


def test_responses_read_headers_text_and_json() -> None:
    response = Response(200, '{"a": "é"}'.encode(), (("content-type", "application/json; charset=utf-8"),))
    assert response.header("Content-Type") == "application/json; charset=utf-8"
    assert response.content_type == "application/json"
    assert (response.ok, response.text, response.json()) == (True, '{"a": "é"}', {"a": "é"})
    assert Response(404).header("x") is None
    with pytest.raises(ValueError):
        Response(200, b"meh... this playlist does not exist!").json()


def test_the_body_content_type_joins_the_headers() -> None:
    request = Request("POST", "u", json=[1], headers=(("Accept", "application/json"),))
    assert request.encode() == (
        {"Accept": "application/json", "Content-Type": "application/json"},
        b"[1]",
    )
    assert Request("GET", "u").encode() == ({}, b"")
