"""The open routes, slashes, and what unknown paths and methods answer."""

import re

import pytest
from heavy_http import call


@pytest.mark.parametrize("path", ["/a/pingdb", "/a/pingdb/"])
def test_pingdb_answers_with_and_without_slash(heavy, path):
    reply = call("GET", heavy + path)
    assert reply.status == 200
    assert reply.json() == {"meta": {"database": "ok"}}


def test_releases_is_an_object_keyed_by_name(heavy):
    releases = call("GET", f"{heavy}/a/releases/").json()
    assert "dev" in releases and "r2017.09" in releases
    for release in releases.values():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release["validUntil"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release["releaseDate"])
    assert releases["r2017.09"]["validUntil"] == "2018-03-31"


def test_root_aliases_reach_the_service_without_prefix_in_links(live_server, sine_job):
    assert call("GET", f"{live_server}/a/pingdb").json() == {"meta": {"database": "ok"}}
    patch = call("GET", f"{live_server}/a/patches/alice/sine/").json()
    assert patch["links"] == {"self": "/a/patches/alice/sine", "html": "/h/alice/sine"}


def test_unknown_path_is_a_json_404(heavy):
    reply = call("GET", f"{heavy}/a/nothing/here")
    assert reply.status == 404
    assert reply.json()["errors"][0]["status"] == "404"


def test_wrong_method_is_a_json_405(heavy):
    reply = call("PUT", f"{heavy}/a/pingdb", body=b"")
    assert reply.status == 405
    assert reply.json()["errors"][0]["status"] == "405"


@pytest.mark.parametrize("method", ["TRACE", "FOO", "get"])
def test_unknown_methods_are_json_405s(heavy, method):
    reply = call(method, f"{heavy}/a/pingdb")
    assert reply.status == 405
    assert reply.json()["errors"][0]["status"] == "405"


@pytest.mark.parametrize(
    "path", ["/heavy/a%0d%0a", "/heavy/h/x/y/1/c%0a/src/archive.zip", "/a/x%0d%0ay", "/h/x%0ay"]
)
def test_paths_with_line_breaks_are_json_404s(live_server, path):
    reply = call("GET", live_server + path)
    assert reply.status == 404
    assert reply.json()["errors"][0]["status"] == "404"
