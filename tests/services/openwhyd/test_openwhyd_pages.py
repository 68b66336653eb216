"""The HTML pages carry the real server's hooks (docs/openwhyd-html.md), read with a real HTML
parser and the selectors a scraper uses, and hold the values of the same route's JSON: names, ids,
counts, order and paging."""

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from html_hooks import Node, parse
from openwhyd_http import ADMIN, ADRIEN, DUMMY, Browser

ROOT = "/openwhyd"


def page(browser: Browser, path: str, query: Any = None) -> Node:
    reply = browser.get(path, query)
    assert reply.status == 200 and reply.media_type == "text/html", reply.text
    return parse(reply.text)


def origin(browser: Browser) -> str:
    return browser.base.removesuffix(ROOT)


def pids(doc: Node, selector: str = "div.posts > div.post") -> list[str]:
    return [post["data-pid"] for post in doc.select(selector)]


def script(doc: Node) -> str:
    return " ".join(node.text or "".join(str(c) for c in node.children) for node in doc.select("script"))


def test_profile_tracks_are_the_json_page_with_hooks_and_values(visitor: Browser) -> None:
    listed = visitor.get("/adrien", {"format": "json"}).json()
    doc = page(visitor, "/adrien")
    assert len(listed) == 21, "the JSON holds one more than a page"
    assert pids(doc) == [post["_id"] for post in listed[:20]]
    for post, node in zip(listed, doc.select("div.posts > div.post"), strict=False):
        assert node.one("h2 > a").text == post["name"]
        assert node.one("h2 > a")["href"] == f"{ROOT}/c/{post['_id']}"
        assert node.one("a.thumb")["data-eid"] == post["eId"]
        author = node.select("p.author > a")
        assert (author[0]["href"], author[0].text) == (f"{ROOT}/u/{ADRIEN}", post["uNm"])
        assert node["data-time"] == str(int(post["_id"][:8], 16) * 1000)
        assert node.one(".stats .nbLoves > span").text == str(len(post["lov"]))
        if post.get("pl"):
            playlist = (f"{ROOT}/u/{ADRIEN}/playlist/{post['pl']['id']}", post["pl"]["name"])
            assert (author[1]["href"], author[1].text) == playlist
    more = doc.one("div.posts > a.btnLoadMore")["href"]
    assert more == f"{origin(visitor)}{ROOT}/u/{ADRIEN}?after={listed[19]['_id']}&wholePage=true"
    assert f'window.nextPageUrl = "{origin(visitor)}{ROOT}/adrien?after={listed[19]["_id"]}"' in script(doc)


def test_profile_next_whole_page_and_fragment(visitor: Browser) -> None:
    listed = visitor.get("/adrien", {"format": "json", "limit": "999"}).json()
    first = page(visitor, "/adrien")
    target = urlsplit(first.one("a.btnLoadMore")["href"])
    moved = visitor.get(target.path.removeprefix(ROOT), parse_qsl(target.query))
    assert moved.status == 307 and moved.headers["location"] == f"{ROOT}/adrien?{target.query}"
    second = page(visitor, "/adrien", parse_qsl(target.query))
    assert second.select("#profileHead h1"), "wholePage=true gives the whole page"
    assert pids(second) == [post["_id"] for post in listed[20:40]]
    assert not second.select("a.btnLoadMore")
    fragment = visitor.get("/adrien", {"after": listed[1]["_id"], "limit": "3"}).text
    assert "<html" not in fragment and "profileHead" not in fragment
    assert pids(parse(fragment), "div.post") == [post["_id"] for post in listed[2:5]]


def test_profile_head_tabs_and_counts(visitor: Browser) -> None:
    doc = page(visitor, "/adrien")
    assert doc.one("title").text == "Adrien Joly's tracks - Openwhyd"
    assert doc.one('meta[name="robots"]')["content"] == "noindex"
    assert doc.one("#profileHead h1").text == "Adrien Joly"
    assert doc.one("#profileHead img.coverImg")["src"].startswith(f"{ROOT}/uCoverImg/")
    followers = visitor.get(f"/api/follow/fetchFollowers/{ADRIEN}").json()
    following = visitor.get(f"/api/follow/fetchFollowing/{ADRIEN}").json()
    assert doc.one("#userStats a#userSubscribers > span").text == str(len(followers))
    assert doc.one("#userStats a#userSubscriptions")["href"] == f"{ROOT}/u/{ADRIEN}/subscriptions"
    counts = {
        "Tracks": len(visitor.get("/adrien", {"format": "json", "limit": "999"}).json()),
        "Playlists": len(visitor.get("/adrien/playlists", {"format": "json"}).json()),
        "Likes": len(visitor.get("/adrien/likes", {"format": "json"}).json()),
        "Following": len(following),
        "Followers": len(followers),
    }
    tabs = doc.select("ul#tabSelector > li > a")
    assert [tab.text.split()[0] for tab in tabs] == list(counts)
    assert [tab.one("span.number-stats").text for tab in tabs] == [str(n) for n in counts.values()]
    assert [tab["href"] for tab in tabs] == [
        f"{ROOT}/u/{ADRIEN}{suffix}"
        for suffix in ("", "/playlists", "/likes", "/subscriptions", "/subscribers")
    ]
    assert [tab.text.split()[0] for tab in doc.select("ul#tabSelector a.selected")] == ["Tracks"]
    assert doc.one("h2.head-name-tab > span").text == "Tracks"
    assert doc.one("ul.lnkIcons li.tw > a")["href"] == "//twitter.com/adrienjoly"
    assert doc.one("ul.lnkIcons li.home > a").text == "adrienjoly.com"
    assert doc.one("div.userSubscribe").text == "Follow"


def test_playlists_tab_lists_newest_first_with_the_leading_space(visitor: Browser, admin: Browser) -> None:
    playlists = visitor.get("/adrien/playlists", {"format": "json"}).json()
    doc = page(visitor, "/adrien/playlists")
    items = doc.select("ul#playlists > li.playlist[data-playlistName]")
    assert [item["data-playlistName"] for item in items] == [pl["name"] for pl in reversed(playlists)]
    for pl, item in zip(reversed(playlists), items, strict=True):
        assert item.one("a")["href"] == f" {ROOT}{pl['url']}"
        assert item.one("a > p").text == pl["name"]
        assert item.one("li > span").text == f"{pl['nbTracks']} tracks"
        assert item.one("a > div.thumb > img.blur")["src"] == f"{ROOT}{pl['img']}?remoteOnly=1"
    assert doc.one("title").text == "Playlists by Adrien Joly - Openwhyd"
    assert not doc.select("li.btnNewPlaylist")
    own = page(admin, "/admin/playlists")
    assert own.select("ul#playlists > li")[0].classes == {"btnNewPlaylist", "playlist"}
    assert "ownProfile" in own.one("body").classes


def test_likes_tab_and_empty_states(visitor: Browser, new_browser: Callable[[], Browser]) -> None:
    liked = visitor.get("/adrien/likes", {"format": "json"}).json()
    assert pids(page(visitor, "/adrien/likes")) == [post["_id"] for post in liked[:20]]
    assert visitor.get("/anewuser/likes", {"format": "json"}).json() == []
    assert page(visitor, "/anewuser/likes").one("div.posts > div.emptyFeed").text == "No liked tracks yet..."
    owner = new_browser()
    owner.login("anewuser")
    mine = page(owner, "/anewuser/likes").one("div.emptyFeed").text
    assert mine == "No liked tracks yet... You should like someone's track!"
    assert page(owner, "/anewuser").one("div.emptyFeed").text == "No tracks yet... You should add one!"
    assert (
        page(visitor, "/anewuser/playlists").one("div.emptyFeed").text
        == "This user didn't publish any playlist yet..."
    )


def test_playlist_page_in_order_with_its_paging(visitor: Browser, admin: Browser) -> None:
    listed = visitor.get("/admin/playlist/0", {"format": "json"}).json()
    doc = page(visitor, "/admin/playlist/0")
    assert pids(doc) == [post["_id"] for post in listed] and len(listed) == 3
    assert [node["data-order"] for node in doc.select("div.post")] == [
        str(p.get("order", "")) for p in listed
    ]
    assert doc.one(".feedHeader h1").text == "Offline tones"
    assert doc.one(".playlistOwner a")["href"] == f"{ROOT}/u/{ADMIN}"
    assert doc.one(".postsHeader > span").text == "3 tracks"
    assert doc.one("a.btnBackToPlaylists")["href"] == f"{ROOT}/u/{ADMIN}/playlists"
    assert not doc.select("a.orderPlaylist") and not doc.select(".btnLoadMore")
    assert "window.pagePlaylist = { id: '0', name: 'Offline tones' };" in script(doc)
    short = page(visitor, "/admin/playlist/0", {"limit": "2"})
    assert pids(short) == [post["_id"] for post in listed[:2]] and short.select("div.posts > div.btnLoadMore")
    marker = listed[1].get("order", listed[1]["_id"])
    assert (
        f'window.nextPageUrl = "{origin(visitor)}{ROOT}/admin/playlist/0?limit=2&after={marker}"'
        in script(short)
    )
    rest = visitor.get("/admin/playlist/0", {"format": "json", "limit": "2", "after": str(marker)}).json()
    assert [post["_id"] for post in rest] == [post["_id"] for post in listed[2:]]
    own = page(admin, "/admin/playlist/0")
    assert own.one("a.orderPlaylist")["href"] == f"{ROOT}/u/{ADMIN}/playlist/0/edit"


def test_track_page_hooks_values_and_comments(admin: Browser, visitor: Browser) -> None:
    post = admin.api_post(
        action="insert", eId="/yt/abc", name="a <b>\"bold\"</b> & 'it'", text="see https://example.org/x"
    ).json()
    admin.api_post(action="addComment", pId=post["_id"], text="hi @[dummy](user:000000000000000000000002)")
    data = visitor.get(f"/c/{post['_id']}", {"format": "json"}).json()["data"]
    reply = visitor.get(f"/c/{post['_id']}")
    assert "<b>" not in reply.text
    doc = parse(reply.text)
    node = doc.one("div.posts > div.post[data-pid]")
    assert node["data-pid"] == data["_id"] and node.one("a.thumb")["data-eid"] == "/yt/abc"
    assert node.one("h2 > a").text == data["name"]
    assert doc.one("title").text == f"{data['name']}, added by admin - Openwhyd"
    assert doc.one('meta[property="og:title"]')["content"] == data["name"]
    assert doc.one('meta[name="robots"]')["content"] == "noindex"
    comments = node.select("form.comments > div.comment[data-cid]")
    assert [c["data-cid"] for c in comments] == [data["_id"]] + [c["_id"] for c in data["comments"]]
    assert comments[0].one("p.text > a")["href"] == "https://example.org/x"
    assert comments[1].one("p.text > a")["href"] == f"{ROOT}/u/{DUMMY}"
    assert node.one(".nbComments > span").text == "2"
    assert doc.one("a.powered")["href"] == "//youtube.com/watch?v=abc"


def test_unsafe_links_of_a_post_lose_their_href(admin: Browser, visitor: Browser) -> None:
    src = {"id": "javascript:alert(1)", "name": "x"}
    post = admin.api_post(action="insert", eId="/fi/javascript:alert(2)", name="evil", src=src).json()
    doc = page(visitor, "/admin")
    node = doc.one(f'div.post[data-pid="{post["_id"]}"]')
    assert node.one("a.src")["href"] == "" and node.one("a.thumb")["href"] == ""
    assert "javascript:" not in " ".join(a.get("href") or "" for a in doc.select("a"))


def test_hot_tracks_in_ranking_order_with_scores_and_paging(visitor: Browser) -> None:
    hot = visitor.get("/hot", {"format": "json"}).json()["tracks"]
    doc = page(visitor, "/hot")
    assert pids(doc) == [track["_id"] for track in hot] and hot
    for track, node in zip(hot, doc.select("div.posts > div.post"), strict=True):
        assert node["data-score"] == str(track["score"])
        assert node.one(".nbReposts > span").text == str(track["nbR"])
    assert doc.one("h2.head-name-tab").text == "Hot Tracks / All"
    first = page(visitor, "/hot", {"limit": "1"})
    assert pids(first) == [hot[0]["_id"]] and first.select("div.posts > div.btnLoadMore")
    assert f'window.nextPageUrl = "{origin(visitor)}{ROOT}/hot?limit=1?skip=1"' in script(first)
    more = visitor.get("/hot", {"limit": "1", "skip": "1"}).text
    assert "<html" not in more and pids(parse(more), "div.post") == [hot[1]["_id"]]


def test_stream_and_all(admin: Browser, visitor: Browser) -> None:
    stream = admin.get("/stream", {"format": "json", "limit": "3"}).json()
    doc = page(admin, "/stream", {"limit": "2"})
    assert pids(doc, "div.posts.fullStream > div.post") == [post["_id"] for post in stream[:2]]
    assert doc.one("h2.head-name-tab").text == "Stream"
    assert doc.select("div.posts > div.btnLoadMore")
    assert f'window.nextPageUrl = "{origin(admin)}{ROOT}/stream?limit=2&after={stream[1]["_id"]}"' in script(
        doc
    )
    everyone = visitor.get("/all", {"format": "json"}).json()
    signed_out = page(visitor, "/stream")
    assert signed_out.one("h2.head-name-tab").text == "Recent tracks from all users"
    assert pids(signed_out) == [post["_id"] for post in everyone] == pids(page(visitor, "/all"))
    assert "visitor" in signed_out.one("body").classes


def test_search_results_page(visitor: Browser) -> None:
    results = visitor.get("/search", {"q": "tones", "format": "json"}).json()["results"]
    doc = page(visitor, "/search", {"q": "tones"})
    assert doc.one("h2.head-name-tab > span").text == "Search results for: tones"
    assert pids(doc, "#results #tracks > div.post") == [post["_id"] for post in results["posts"]]
    assert doc.one("a#tab_tracks").text == f"{len(results['posts'])} Tracks"
    assert doc.one("a#tab_users").text == f"{len(results['users'])} People"
    assert [a["href"] for a in doc.select("#users li.user > a")] == [
        f"{ROOT}/u/{u['_id']}" for u in results["users"]
    ]
    playlists = doc.select("#playlists > div.playlist")
    assert [node.one("a > p").text for node in playlists] == [pl["name"] for pl in results["playlists"]]
    assert [node.select("a")[0]["href"] for node in playlists] == [
        ROOT + pl["url"] for pl in results["playlists"]
    ]
    assert [node.one("div.author > a")["href"] for node in playlists] == [
        f"{ROOT}/u/{pl['uId']}" for pl in results["playlists"]
    ]
    assert doc.one("input#q")["value"] == "tones"
    box = parse(visitor.get("/search", {"q": "tones", "context": "header", "format": "html"}).text)
    header = visitor.get("/search", {"q": "tones", "context": "header", "format": "json"}).json()["results"]
    assert [a.text for a in box.select("ul.resultCategory li > a")] == [
        hit["name"] for kind in ("post", "user", "playlist") for hit in header.get(kind, [])[:2]
    ]


def test_names_are_escaped_and_private_fields_stay_hidden(admin: Browser, visitor: Browser) -> None:
    name = "</script><script>alert('x')</script> & \"co\""
    assert "error" not in admin.post("/api/user", json_body={"name": name, "bio": "a\n\nb <i>c</i>"}).json()
    reply = visitor.get("/admin")
    doc = parse(reply.text)
    assert doc.one("#profileHead h1").text == name
    bio = doc.one("p.bio")
    assert bio.children[0] == "a" and bio.children[1].tag == "br" and bio.children[2] == "b <i>c</i>"
    assert "<script>alert" not in reply.text and "<i>" not in reply.text
    assert doc.one("title").text == f"{name}'s tracks - Openwhyd"
    for path in ("/adrien", "/adrien/playlists", "/adrien/likes", "/adrien/subscribers", "/search?q=adrien"):
        text = visitor.get(path).text
        assert "@openwhyd.org" not in text and "21232f297a57a5a743894a0e4a801fc3" not in text
