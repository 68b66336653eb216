"""`/search` in every context (reference §3.9), answered from the full-text index."""

from openwhyd_http import ADMIN, ADRIEN, DUMMY, Browser


def search(browser: Browser, **query: object) -> object:
    reply = browser.get("/search", query)
    assert reply.status == 200 and reply.media_type == "application/json", reply.text
    return reply.json()


def test_main_search_finds_tracks_people_and_playlists(visitor: Browser) -> None:
    answer = search(visitor, q="tones", format="json")
    assert answer["q"] == "tones"
    posts = answer["results"]["posts"]
    assert len(posts) == 4 and all("Tonearm Tones" in post["name"] for post in posts)
    assert posts[0]["isSubscribed"] is False and posts[0]["score"] == 0 and "lov" in posts[0]
    playlist = answer["results"]["playlists"][0]
    assert playlist["name"] == "Offline tones" and playlist["nbTracks"] == 3
    assert playlist["_id"] == 0 and playlist["idParts"] == [ADMIN, "0"] and playlist["author"] == {}
    assert len(playlist["lastPosts"]) == 3
    assert answer["results"]["users"] == []
    people = search(visitor, q="adri", format="json")["results"]["users"]
    assert people[0]["_id"] == ADRIEN and people[0]["lastTrack"]["uId"] == ADRIEN


def test_search_ignores_accents_case_and_syntax(visitor: Browser) -> None:
    assert search(visitor, q="APÉRO", format="json")["results"]["playlists"][0]["name"] == "🍻 Apéro !"
    empty = {"q": '"* OR (', "results": {"posts": [], "playlists": [], "users": []}}
    assert search(visitor, q='"* OR (', format="json") == empty


def test_followed_people_score_higher(dummy: Browser) -> None:
    posts = search(dummy, q="roppongi", format="json")["results"]["posts"]
    assert posts[0]["isSubscribed"] is True and posts[0]["score"] == 10


def test_add_track_context(dummy: Browser, admin: Browser) -> None:
    admin.api_post(action="insert", eId="/fi//openwhyd/audio/c-major-chord.wav", name="Tones again")
    hits = search(dummy, q="tones", context="addTrack")
    assert len(hits) == 3 and all(hit["uId"] == ADMIN for hit in hits)
    assert set(hits[0]) == {"id", "eId", "url", "img", "name", "uId", "uNm", "score"}
    assert len({hit["eId"] for hit in hits}) == len(hits)


def test_quick_context_needs_login(visitor: Browser, admin: Browser) -> None:
    assert search(visitor, q="tones", context="quick") == {
        "error": "you must be logged in to use that feature"
    }
    answer = search(admin, q="tones", context="quick")
    assert len(answer["results"]["myPosts"]) == 3 and len(answer["results"]["theirPosts"]) == 1


def test_header_context(visitor: Browser) -> None:
    answer = search(visitor, q="dummy", context="header", format="json")
    assert list(answer["results"]) == ["user"]
    user = answer["results"]["user"][0]
    assert user == {
        "id": DUMMY,
        "name": "dummy",
        "img": "/images/blank_user.gif",
        "url": "/dummy",
        "score": 0,
        "isSubscribed": False,
    }
    assert search(visitor, q="zzzz", context="header", format="json") == {"q": "zzzz", "results": {}}


def test_mention_context_puts_followed_people_first(dummy: Browser) -> None:
    hits = search(dummy, q="a", context="mention")["hits"]
    assert hits and hits[0]["_id"] == ADRIEN


def test_profile_filter(visitor: Browser) -> None:
    answer = search(visitor, q="tones", uid=ADMIN)
    assert answer["uId"] == ADMIN and len(answer["results"]) == 3


def test_html_forms(visitor: Browser) -> None:
    assert visitor.get("/search").media_type == "text/html"
    assert "Tonearm Tones" in visitor.get("/search", {"q": "tones"}).text
