"""A profile's page as the real `userProfileV2.html` lays it out, for each of its tabs.

`#profileHead` (`img.coverImg`, `.avatar`, `h1`, `#userStats` with `a#userSubscriptions` and
`a#userSubscribers`, `p.bio`, `ul.lnkIcons`, `div.userSubscribe`), then `ul#tabSelector` (five
`li > a[href=/u/<id>…]`, the current one `.selected`, each count in `span.number-stats`), then
`section.sub-container` with `h2.head-name-tab > span` naming the tab and `div.posts` holding the
tab: posts, `ul#playlists` or `ul#subscriptions`, an `div.emptyFeed` when there is nothing, and the
paging of paging.py.
"""

from dataclasses import dataclass
from typing import Any

from server.database import Connection
from server.openwhyd.pages import frame
from server.openwhyd.pages.markup import (
    FULL_URL,
    css_url,
    h,
    js_value,
    linked,
    playlist_thumb,
    rooted,
    subscribe_button,
)
from server.openwhyd.pages.paging import Paging, load_more_link, script
from server.openwhyd.pages.post_items import Viewing, items
from server.openwhyd.store import follows, users


@dataclass(frozen=True)
class Tab:
    suffix: str
    """Its path after the profile's."""
    count: str
    """The profile's count its label shows."""
    title: str
    """Its page's title, `{}` the user's name."""
    body_class: str


TABS = {
    "Tracks": Tab("", "nbTracks", "{}'s tracks", "userTracks"),
    "Playlists": Tab("/playlists", "nbPlaylists", "Playlists by {}", "userPlaylists"),
    "Likes": Tab("/likes", "nbLikes", "{}'s liked tracks", "userLikes"),
    "Following": Tab("/subscriptions", "nbSubscriptions", "{}'s following", "userSubscriptions"),
    "Followers": Tab("/subscribers", "nbSubscribers", "{}'s followers", "userSubscribers"),
}
"""The tabs in the order the page lists them, by label."""
EMPTY = {
    ("Tracks", True): "No tracks yet... You should add one!",
    ("Tracks", False): "No tracks yet...",
    ("Likes", True): "No liked tracks yet... You should like someone's track!",
    ("Likes", False): "No liked tracks yet...",
}
AVATAR_SIZE = "?width=100&height=100"
NO_PLAYLISTS = "This user didn't publish any playlist yet..."
LINKS = (
    ("fb", "facebook.com/", "Facebook"),
    ("tw", "twitter.com/", "Twitter"),
    ("sc", "soundcloud.com/", "Soundcloud"),
    ("yt", "youtube.com/user/", "Youtube"),
    ("igrm", "instagram.com/", "Instagram"),
)


@dataclass(frozen=True)
class Profile:
    """A user's profile as a viewer sees it: what the real page's head and tabs show."""

    root: str
    user: dict[str, Any]
    viewer: dict[str, Any] | None
    subscribed: bool
    counts: dict[str, Any]

    @property
    def viewer_id(self) -> str | None:
        return self.viewer["_id"] if self.viewer else None

    @property
    def own(self) -> bool:
        return self.viewer_id == self.user["_id"]

    @property
    def base(self) -> str:
        return f"{self.root}/u/{self.user['_id']}"

    @property
    def viewing(self) -> Viewing:
        return Viewing(self.root, self.viewer_id, playlist_names=True)


def _tracks_count(n: int) -> str | int:
    """`12k` past 9999, as the real tab shows it."""
    return f"{n // 1000}k" if n > 9999 else n


def gather(db: Connection, root: str, user: dict[str, Any], viewer: dict[str, Any] | None) -> Profile:
    uid = user["_id"]
    counts = {
        "nbTracks": _tracks_count(users.count_posts(db, uid)),
        "nbPlaylists": len(users.playlists(db, uid)),
        "nbLikes": users.count_likes(db, uid),
        "nbSubscriptions": follows.count_following(db, uid),
        "nbSubscribers": follows.count_followers(db, uid),
    }
    subscribed = viewer is not None and follows.following_id(db, viewer["_id"], uid) is not None
    return Profile(root, user, viewer, subscribed, counts)


def _links(lnk: Any) -> list[tuple[str, str, str]]:
    """`(class, href, text)` of the real `renderUserLinks`: a site's link rebuilt from its last
    path segment, `//`-prefixed; the home page as `http(s)://…` named by its host."""
    if not isinstance(lnk, dict):
        return []
    found = []
    home = str(lnk.get("home") or "").strip()
    if home:
        body = "//" + home.split("//")[-1]
        url = ("https:" if home.startswith("https://") else "http:") + body
        found.append(("home", url, body[2:].split("/")[0]))
    for key, prefix, label in LINKS:
        segments = [part for part in str(lnk.get(key) or "").strip().split("?")[0].split("/") if part]
        if segments:
            found.append((key, "//" + prefix + segments[-1], label))
    return found


def _bio(bio: Any) -> str:
    """The real `renderedBio`: escaped, URLs as links, a blank line as one line break."""
    html = linked(js_value(bio or ""), FULL_URL, lambda match: h(match.group(0)))
    return html.replace("\n\n", "\n").replace("\n", "<br/>")


def _follow_button(profile: Profile) -> str:
    if profile.viewer is None:
        return '<div class="userSubscribe">Follow</div>'
    if profile.own:
        return '<div class="userSubscribe btnEditProfile">Edit profile</div>'
    state = subscribe_button(profile.subscribed)
    return f'<div class="{state[0]}" data-uid="{h(profile.user["_id"])}">{state[1]}</div>'


def _head(profile: Profile) -> str:
    user, root, base = profile.user, profile.root, h(profile.base)
    cover = user.get("cvrImg")
    avatar = rooted(root, user.get("img") or f"/img/u/{user['_id']}")
    items_ = "".join(
        f'<li class="{cls}"><a href="{h(url)}">{h(text)}</a></li>'
        for cls, url, text in _links(user.get("lnk"))
    )
    location = f'<li class="loc"><span>{h(user["loc"])}</span></li>' if user.get("loc") else ""
    counts = profile.counts
    return (
        f'<div id="profileHead" class="{"withCover" if cover else ""}">'
        + (f'<img class="coverImg" src="{h(rooted(root, cover))}" alt="">' if cover else "")
        + '<div id="profileTop" class="wrapper"><div class="feedHeader container">'
        f'<div class="avatar" style="background-image:url(\'{css_url(avatar + AVATAR_SIZE)}\')"></div>'
        f"<h1>{h(user.get('name'))}</h1>"
        f'<div id="userStats"><a id="userSubscriptions" href="{base}/subscriptions">'
        f"<span>{counts['nbSubscriptions']}</span> following</a> "
        f'<a id="userSubscribers" href="{base}/subscribers">'
        f"<span>{counts['nbSubscribers']}</span> followers</a></div>"
        f'<p class="bio">{_bio(user.get("bio"))}</p><ul class="lnkIcons">{location}{items_}</ul>'
        f"{_follow_button(profile)}</div></div></div>"
    )


def _tabs(profile: Profile, current: str) -> str:
    return (
        '<ul id="tabSelector">'
        + "".join(
            f'<li><a href="{h(profile.base + tab.suffix)}" class="{"selected" if label == current else ""}">'
            f'{label} <span class="number-stats">{h(profile.counts[tab.count])}</span></a></li>'
            for label, tab in TABS.items()
        )
        + "</ul>"
    )


def ending(profile: Profile, paging: Paging) -> str:
    """What every tab ends with: the no-script "Load more", then the page's script."""
    more = load_more_link(paging.next_whole_page) if paging.next_whole_page else ""
    return more + script(paging, user=profile.user)


def posts_tab(profile: Profile, tab: str, docs: list[dict[str, Any]], paging: Paging, before: bool) -> str:
    """Tracks or Likes: the posts, else (unless paging backwards) what the tab says when empty."""
    empty = "" if docs or before else f'<div class="emptyFeed">{EMPTY[tab, profile.own]}</div>'
    return items(profile.viewing, docs) + empty + ending(profile, paging)


def playlists_tab(profile: Profile, entries: list[dict[str, Any]]) -> str:
    """`ul#playlists`, newest first; its `li.playlist` link has the real `href`'s leading space."""
    root = profile.root
    empty = "" if entries or profile.own else f'<div class="emptyFeed">{NO_PLAYLISTS}</div>'
    new = (
        f'<li class="btnNewPlaylist playlist"><a href="{h(profile.base)}/playlist/create">'
        '<div class="thumb"></div><p>+ New Playlist</p></a></li>'
        if profile.own
        else ""
    )
    listed = "".join(
        f'<li class="playlist" data-playlistName="{h(pl.get("name"))}"><a href=" {h(root + pl["url"])}">'
        f"{playlist_thumb(root + pl['img'])}<p>{h(pl.get('name'))}</p></a>"
        f"<span>{h(pl['nbTracks'])} tracks</span></li>"
        for pl in entries
    )
    return f'{empty}<ul id="playlists">{new}{listed}</ul>{ending(profile, Paging())}'


def whole(profile: Profile, tab: str, content: str, url: str, empty: bool = False) -> str:
    """The whole page around a tab's `content`; `url` is the page's own absolute address."""
    shown = TABS[tab]
    name = str(profile.user.get("name") or "")
    filter_button = '<a href="" id="btnFilter" title="Filter"></a>' if tab == "Tracks" and not empty else ""
    body = (
        f'{_head(profile)}<div class="container">{_tabs(profile, tab)}<section class="sub-container">'
        f'<div><h2 class="head-name-tab"><span>{tab}</span>{filter_button}</h2></div>'
        f'<div class="posts">{content}</div></section></div>'
    )
    page = frame.Frame(
        root=profile.root,
        viewer=profile.viewer,
        body_class=f"userProfileV2 {shown.body_class}" + (" ownProfile" if profile.own else ""),
        title=shown.title.format(name),
        noindex=True,
        url=url,
    )
    return frame.page(page, body)
