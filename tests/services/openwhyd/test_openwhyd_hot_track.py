"""`/hot` (reference §3.4) and a track's page `/c/:id` (§3.5)."""

from openwhyd_http import ADMIN, DUMMY, FAKE_ID, Browser

C_MAJOR = "/fi//openwhyd/audio/c-major-chord.wav"


def hot(browser: Browser, **query: object) -> dict:
    reply = browser.get("/hot", {"format": "json", **query})
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/json")
    return reply.json()


def test_hot_ranks_the_weeks_tracks(visitor: Browser) -> None:
    answer = hot(visitor)
    assert answer["hasMore"] is False
    first = answer["tracks"][0]
    assert set(first) == {
        "_id",
        "pId",
        "eId",
        "name",
        "img",
        "uId",
        "uNm",
        "pl",
        "nbR",
        "nbL",
        "score",
        "trackUrl",
    }
    assert first["eId"] == C_MAJOR and first["score"] == 2 and first["nbR"] == 1 and first["nbL"] == 1
    assert first["img"] is None and first["trackUrl"] == "/openwhyd/audio/c-major-chord.wav"
    assert len(answer["tracks"]) == 4
    assert "6106450aa1de931f401c43be" not in [t["_id"] for t in answer["tracks"]]


def test_hot_groups_by_eid_with_the_first_posters_metadata(admin: Browser, dummy: Browser) -> None:
    first = dummy.api_post(action="insert", eId="/yt/track_B", name="a popular track").json()
    admin.api_post(action="insert", eId="/yt/track_B", name="renamed by admin")
    admin.api_post(action="insert", pId=first["_id"])
    top = hot(admin)["tracks"][0]
    assert top["eId"] == "/yt/track_B" and top["uId"] == DUMMY and top["name"] == "a popular track"
    assert top["nbR"] == 4 and top["score"] == 4 and top["pl"] is None
    assert top["trackUrl"] == "//youtube.com/watch?v=track_B" and top["isLoved"] is False


def hot_group(browser: Browser, eid: str) -> dict:
    """The track `eid` as `/hot` ranks it, or {} when it is not there."""
    return next((track for track in hot(browser)["tracks"] if track["eId"] == eid), {})


def test_likes_and_unlikes_show_in_hot_right_away(admin: Browser, dummy: Browser, visitor: Browser) -> None:
    pid = dummy.api_post(action="insert", eId="/yt/liked", name="liked").json()["_id"]
    assert hot_group(visitor, "/yt/liked").items() >= {"nbL": 0, "score": 1}.items()
    admin.api_post(action="toggleLovePost", pId=pid)
    assert hot_group(visitor, "/yt/liked").items() >= {"nbL": 1, "score": 2}.items()
    assert hot(visitor)["tracks"][0]["_id"] == pid
    admin.api_post(action="toggleLovePost", pId=pid)
    assert hot_group(visitor, "/yt/liked").items() >= {"nbL": 0, "score": 1}.items()


def test_a_track_shows_through_its_earliest_post_left(admin: Browser, dummy: Browser) -> None:
    first = dummy.api_post(action="insert", eId="/yt/twice", name="first").json()["_id"]
    second = admin.api_post(action="insert", eId="/yt/twice", name="second").json()["_id"]
    assert hot_group(admin, "/yt/twice").items() >= {"_id": first, "nbR": 2}.items()
    dummy.api_post(action="delete", _id=first)
    shown = {"_id": second, "name": "second", "uId": ADMIN, "nbR": 1, "score": 1}
    assert hot_group(admin, "/yt/twice").items() >= shown.items()
    admin.api_post(action="delete", _id=second)
    assert hot_group(admin, "/yt/twice") == {}


def test_an_edited_track_moves_to_its_new_group(admin: Browser) -> None:
    pid = admin.api_post(action="insert", eId="/yt/before", name="edited").json()["_id"]
    assert hot_group(admin, "/yt/before")["_id"] == pid
    admin.api_post(action="insert", _id=pid, eId="/yt/after", name="edited")
    assert hot_group(admin, "/yt/before") == {}
    assert hot_group(admin, "/yt/after").items() >= {"_id": pid, "score": 1}.items()


def test_hot_skip_limit_and_genre(visitor: Browser) -> None:
    page = hot(visitor, limit=1)
    assert len(page["tracks"]) == 1 and page["hasMore"] == {"skip": 1}
    second = hot(visitor, limit=1, skip=1)
    assert second["tracks"][0]["_id"] != page["tracks"][0]["_id"]
    assert second["hasMore"] == {"skip": 2}
    assert visitor.get("/hot/electro", {"format": "json"}).json() == hot(visitor)
    assert hot(visitor, limit="junk", skip="-3") == hot(visitor)


def test_hot_since_id_excludes_older_posts(dummy: Browser, visitor: Browser, service_clock) -> None:
    service_clock(advance="1.1")
    newest = dummy.api_post(action="insert", eId="/yt/fresh", name="fresh").json()["_id"]
    assert [t["_id"] for t in hot(visitor, sinceId=newest)["tracks"]] == [newest]
    assert hot(visitor, sinceId="not-an-id") == hot(visitor)


def test_hot_is_the_last_week_by_the_service_clock(visitor: Browser, service_clock) -> None:
    assert len(hot(visitor)["tracks"]) == 4
    service_clock(advance=str(6 * 86400))
    assert len(hot(visitor)["tracks"]) == 4
    service_clock(advance=str(2 * 86400))
    assert hot(visitor) == {"hasMore": False, "tracks": []}
    service_clock(real="1")
    assert len(hot(visitor)["tracks"]) == 4


def test_hot_ignores_broken_soundcloud_ids(dummy: Browser, visitor: Browser) -> None:
    dummy.api_post(action="insert", eId="/sc/undefined", name="broken")
    assert "/sc/undefined" not in [t["eId"] for t in hot(visitor)["tracks"]]


def test_hot_html_and_no_jsonp(visitor: Browser) -> None:
    assert visitor.get("/hot").media_type == "text/html"
    assert visitor.get("/hot", {"format": "json", "callback": "f"}).text.startswith('{"hasMore"')


def test_track_page_json(admin: Browser, visitor: Browser) -> None:
    post = admin.api_post(action="insert", eId="/yt/x", name="commented").json()
    admin.api_post(action="addComment", pId=post["_id"], text="first!")
    data = visitor.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]
    assert data["uId"] == ADMIN and data["lov"] == [] and data["reposts"] == []
    assert [c["text"] for c in data["comments"]] == ["first!"]
    assert visitor.get(f"/post/{post['_id']}", {"format": "json"}).json()["data"] == data


def test_track_page_repost_list_stops_at_twelve(admin: Browser) -> None:
    post = admin.api_post(action="insert", eId="/yt/x").json()["_id"]
    for _ in range(13):
        admin.api_post(action="insert", pId=post)
    assert len(admin.get(f"/c/{post}", {"format": "json"}).json()["data"]["reposts"]) == 12


def test_track_not_found(visitor: Browser) -> None:
    for pid in [FAKE_ID, "garbage"]:
        reply = visitor.get(f"/c/{pid}", {"format": "json"})
        assert reply.status == 404 and reply.json() == {
            "errorCode": "POST_NOT_FOUND",
            "error": "Sorry, we can't find this track... maybe was it deleted?",
        }
        assert visitor.get(f"/c/{pid}").status == 404


def test_track_page_html_is_noindex(visitor: Browser) -> None:
    page = visitor.get("/c/6106450aa1de931f401c43be")
    assert page.status == 200 and '<meta name="robots" content="noindex">' in page.text


def test_external_track_pages_are_html(visitor: Browser) -> None:
    page = visitor.get("/yt/XdJVWSqb4Ck")
    assert page.media_type == "text/html" and "//youtube.com/watch?v=XdJVWSqb4Ck" in page.text
    assert visitor.get("/sc/artist/track").status == 200


def test_bandcamp_lookup_wants_a_same_site_referer(visitor: Browser) -> None:
    query = {"eId": "/bc/artist/track"}
    assert visitor.get("/api/bandcampExtractor", query).status == 400
    host = visitor.base.split("/")[2]
    same_site = visitor.get("/api/bandcampExtractor", query, headers={"Referer": f"http://{host}/"})
    assert same_site.status == 200 and "error" in same_site.json()
    foreign = visitor.get("/api/bandcampExtractor", query, headers={"Referer": "http://evil.example/"})
    assert foreign.status == 400
