"""Search results as the real `searchPage.html` lays them out, from the same results as the
route's JSON (`results.posts`, `.users`, `.playlists`, in their order).

`#tabSelector` with `a#tab_tracks`, `a#tab_users`, `a#tab_playlists` (each count before its
label), `h2.head-name-tab > span` "Search results for: <q>", then `#results.posts` holding
`#tracks.resultPage` (the posts, and `.noResult`), `#users.resultPage > ul > li.user` (a link to
`/u/<id>` with `.thumb`, `span.username` and the last track, then `span.userSubscribe[data-uid]`)
and `#playlists.resultPage > div.playlist` (a link with `.thumb` and `p` name, `span` "N tracks",
`div.author`). Tabs are anchors and every section shows: the real ones switch by script. A
playlist's `div.author` names its owner: the real one reads an unresolved promise there.
The header's quick results (`context=header&format=html`) are the real `searchResultsBox.html`.
"""

from typing import Any

from server.openwhyd.pages import frame
from server.openwhyd.pages.markup import css_url, h, playlist_thumb, subscribe_button
from server.openwhyd.pages.post_items import Viewing, items

NO_TRACKS = (
    '<div class="noResult"><h2>Not found on Openwhyd yet.<br>Be the first to add it!</h2>'
    "<p>Or you can paste the URL of the track in the search bar, above.</p></div>"
)
NO_PEOPLE = '<div class="noResult"><h2>It\'s lonely in here!</h2></div>'
NO_PLAYLISTS = (
    '<div class="noResult"><h2>No playlist was found for this query</h2>'
    "<p>Click tabs to explore other categories</p></div>"
)
SELECTED = ' class="selected"'
BOX_CATEGORIES = (("Posts", "post"), ("People", "user"), ("Playlists", "playlist"))


def _user(root: str, user: dict[str, Any], signed_in: bool) -> str:
    uid = h(user["_id"])
    last = user.get("lastTrack")
    last_line = f"<p>Last track: <span>{h(last.get('name'))}</span></p>" if last else ""
    state = subscribe_button(bool(user.get("isSubscribed")))
    follow = (
        f'<span class="{state[0]}" data-uid="{uid}">{state[1]}</span>'
        if signed_in
        else f'<a class="{state[0]}" data-uid="{uid}" href="{h(root)}/login">{state[1]}</a>'
    )
    face = css_url(f"{root}/img/u/{user['_id']}")
    return (
        f'<li class="user"><a href="{h(root)}/u/{uid}">'
        f'<div class="thumb" style="background-image:url(\'{face}\');"></div>'
        f'<span class="username">{h(user.get("name"))}</span>{last_line}</a>{follow}</li>'
    )


def _playlist(root: str, pl: dict[str, Any]) -> str:
    img, owner = root + pl["img"], h(pl["uId"])
    face = css_url(f"{root}/img/u/{pl['uId']}")
    return (
        f'<div class="playlist"><a href="{h(root + pl["url"])}">'
        f"{playlist_thumb(img)}"
        f"<p>{h(pl.get('name'))}</p></a><span>{h(pl.get('nbTracks'))} tracks</span>"
        f'<div class="author"><span style="background-image:url(\'{face}\');"></span>'
        f'<a href="{h(root)}/u/{owner}">{h(pl.get("uNm"))}</a></div></div>'
    )


def page(root: str, viewer: dict[str, Any] | None, query: str | None, results: dict[str, Any] | None) -> str:
    """The search page; without a query (`results` None) only its header's search box."""
    content = ""
    if results is not None:
        posts, people, playlists = results["posts"], results["users"], results["playlists"]
        see = Viewing.of(root, viewer)
        signed_in = viewer is not None
        tabs = "".join(
            f'<li><a id="tab_{key}" href="#{key}"{SELECTED if key == "tracks" else ""}>'
            f"{len(found)} {label}</a></li>"
            for key, label, found in (
                ("tracks", "Tracks", posts),
                ("users", "People", people),
                ("playlists", "Playlists", playlists),
            )
        )
        content = (
            f'<div id="tabSelector"><ul>{tabs}</ul></div><div class="sub-container">'
            f'<h2 class="head-name-tab"><span>Search results for: {h(query)}</span></h2>'
            '<div id="results" class="posts">'
            f'<div id="tracks" class="resultPage tracks">{items(see, posts)}'
            f"{'' if posts else NO_TRACKS}</div>"
            f'<div id="users" class="resultPage"><ul>{"".join(_user(root, u, signed_in) for u in people)}'
            "</ul>"
            f"{'' if people else NO_PEOPLE}</div>"
            f'<div id="playlists" class="resultPage">{"".join(_playlist(root, pl) for pl in playlists)}'
            f"{'' if playlists else NO_PLAYLISTS}</div></div></div>"
        )
    body = f'<div class="container">{content}</div>'
    return frame.page(frame.Frame(root=root, viewer=viewer, body_class="pgSearch", query=query), body)


def results_box(root: str, query: str, results: dict[str, list[dict[str, Any]]]) -> str:
    """The header's quick results: a link to the full page, then up to two hits of each kind."""
    box = (
        f'<ul class="showAllResults"><li><a href="{h(root)}/search?q={h(query)}" target="_blank">'
        "Show all results...</a></li></ul>"
    )
    for name, kind in BOX_CATEGORIES:
        hits = results.get(kind)
        if hits:
            box += (
                f'<ul class="resultCategory"><div>{name}</div>'
                + "".join(
                    f'<li><a href="{h(root + hit["url"])}" target="_blank">'
                    f"<div style=\"background-image:url('{css_url(root + str(hit.get('img') or ''))}');\">"
                    "</div>"
                    f"{h(hit.get('name'))}</a></li>"
                    for hit in hits[:2]
                )
                + "</ul>"
            )
    return box
