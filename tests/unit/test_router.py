"""Hash routes ⇄ screens."""

import pytest

from app.ui.core.router import ROUTES, Route, href, match, split_hash

TABLE = (
    Route("home", "/", "views.home"),
    Route("profile", "/u/{user}", "views.profile"),
    Route("playlist", "/u/{user}/playlists/{n}", "views.playlist"),
)


@pytest.mark.parametrize("location", ["", "#", "#/", "#//"])
def test_empty_hashes_are_home(location: str) -> None:
    assert match(location, TABLE).name == "home"


def test_params_and_query_are_decoded() -> None:
    found = match("#/u/j%C3%B6rg%2Fx/playlists/3?sort=new&q=a%20b", TABLE)
    assert found.name == "playlist"
    assert found.params == {"user": "jörg/x", "n": "3"}
    assert found.query == {"sort": "new", "q": "a b"}
    assert found.path == "/u/jörg/x/playlists/3"


def test_trailing_slash_is_ignored() -> None:
    assert match("#/u/alice/", TABLE).params == {"user": "alice"}


@pytest.mark.parametrize("location", ["#/nope", "#/u", "#/u/a/b", "#/u/a/playlists"])
def test_unknown_paths_are_not_found(location: str) -> None:
    found = match(location, TABLE)
    assert found.route is None
    assert found.name == "not-found"


def test_href_round_trips_through_match() -> None:
    link = href("playlist", {"q": "x y"}, TABLE, user="a/b c", n="2")
    assert link == "#/u/a%2Fb%20c/playlists/2?q=x+y"
    found = match(link, TABLE)
    assert (found.name, found.params, found.query) == ("playlist", {"user": "a/b c", "n": "2"}, {"q": "x y"})


def test_split_hash_keeps_the_raw_path() -> None:
    assert split_hash("#/a%2Fb/c?x=1") == ("/a%2Fb/c", {"x": "1"})


def test_every_app_route_names_an_importable_view() -> None:
    import importlib

    for route in ROUTES:
        assert callable(importlib.import_module(route.view).show), route.view
