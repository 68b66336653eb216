"""Where things are on Openwhyd and where Tonearm shows them, written once: the service's paths
(reference §3), the app's own locations for its lists (`#/u/…`), and the widget's embed URL. The
client, the embeddable widget and the Embed menu all build (and read) them here.

The widget runs this under MicroPython: plain string handling only, no urllib, typing or re.
"""

DEFAULT_OPENWHYD = "./openwhyd"
"""Where a deployment's Openwhyd is unless its configuration says otherwise: beside the app's page,
and so beside the widget's."""

_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
_HEX = "0123456789abcdefABCDEF"


def quote(text: str) -> str:
    """`text` percent-encoded as UTF-8, everything but the unreserved characters (so `/` too), as
    urllib's `quote(text, safe="")`."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        out.append(char if char in _UNRESERVED else f"%{byte:02X}")
    return "".join(out)


# The service's routes

LOGIN = "/login"
REGISTER = "/register"
SIGNUP_TOKEN = "/api/signup/rTk/7"
API_USER = "/api/user"
API_POST = "/api/post"
API_PLAYLIST = "/api/playlist"
API_FOLLOW = "/api/follow"
API_NOTIF = "/api/notif"
BANDCAMP_STREAM = "/api/bandcampExtractor"
LASTFM_CONNECT = "/api/lastFm/connect"
LASTFM_DISCONNECT = "/api/lastFm/disconnect"
UPLOAD = "/upload"
SEARCH = "/search"
ME = "/me"
STREAM = "/stream"
ALL = "/all"
HOT = "/hot"


def is_user_id(user: str) -> bool:
    """Openwhyd's user ids are 24 hex digits; anything else names a user by handle."""
    return len(user) == 24 and all(char in _HEX for char in user)


def user_path(user: str) -> str:
    """A user's library: `/u/<id>` for an id, `/<handle>` otherwise."""
    return "/u/" + user if is_user_id(user) else "/" + quote(user)


def playlist_path(user: str, number: object) -> str:
    return user_path(user) + "/playlist/" + quote(str(number))


def likes_path(user: str) -> str:
    return user_path(user) + "/likes"


def playlists_path(user: str) -> str:
    return user_path(user) + "/playlists"


def info_path(user: str) -> str:
    """Who a user is, as JSONP answers it to any site (§1.5)."""
    return user_path(user) + "/info"


def hot_path(genre: str = "") -> str:
    return HOT + "/" + quote(genre) if genre else HOT


def post_path(post_id: str) -> str:
    """One track (a post), with its comments and reposts."""
    return "/c/" + quote(post_id)


def playlist_key(user_id: str, number: object) -> str:
    """`<uid>_<n>`: how Openwhyd names a playlist across users."""
    return str(user_id) + "_" + str(number)


def playlist_owner(url: str) -> str | None:
    """The user id in a playlist's `/u/<uid>/playlist/<n>` URL, as Openwhyd lists them; else None."""
    parts = url.split("/")
    return parts[2] if len(parts) > 2 and parts[1] == "u" else None


def user_image_path(user_id: str) -> str:
    return "/img/user/" + quote(user_id)


def playlist_image_path(user_id: str, number: object) -> str:
    return "/img/playlist/" + quote(playlist_key(user_id, number))


# The app's own locations (its hash routes), where the widget's links open a list

APP_HOT = "#/hot"


def app_profile(user: str) -> str:
    return "#/u/" + quote(user)


def app_playlist(user: str, number: object) -> str:
    return app_profile(user) + "/playlists/" + quote(str(number))


def app_likes(user: str) -> str:
    return app_profile(user) + "/likes"


def app_track(post_id: str) -> str:
    return "#/t/" + quote(post_id)


# The widget's address for a list: `embed.html?u=<user>[&pl=<n>|&likes][&api=<Openwhyd>]`

EMBED_PAGE = "embed.html"
EMBED_USER = "u"
EMBED_PLAYLIST = "pl"
EMBED_LIKES = "likes"
EMBED_API = "api"


def embed_params(user: str, playlist: str = "", likes: bool = False, api: str = "") -> list:
    """The widget's URL parameters for a list, as (name, value) pairs; `api` only for an Openwhyd
    other than the one beside the widget."""
    pairs = [(EMBED_USER, user)]
    if playlist:
        pairs.append((EMBED_PLAYLIST, playlist))
    if likes:
        pairs.append((EMBED_LIKES, "1"))
    if api:
        pairs.append((EMBED_API, api))
    return pairs


def embedded_list(params: dict) -> tuple:
    """(user, playlist, likes) back from the widget's parameters (a bare `&likes` counts)."""
    return (
        params.get(EMBED_USER, "").strip(),
        params.get(EMBED_PLAYLIST, "").strip(),
        EMBED_LIKES in params,
    )


def embedded_api(params: dict) -> str:
    """The Openwhyd the widget reads: `api=`, else the one beside it."""
    return params.get(EMBED_API, "").strip() or DEFAULT_OPENWHYD
