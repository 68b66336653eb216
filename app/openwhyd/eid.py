"""Openwhyd track ids (eIds, like `/yt/XdJVWSqb4Ck`) and the URLs people paste, both ways.

Plain string handling only, so the module also runs under MicroPython in the embeddable
widget: no typing, dataclasses or regular expressions.
"""

YOUTUBE = "yt"
SOUNDCLOUD = "sc"
VIMEO = "vi"
DAILYMOTION = "dm"
DEEZER = "dz"
BANDCAMP = "bc"
JAMENDO = "ja"
SPOTIFY = "sp"
AUDIO_FILE = "fi"

AUDIO_EXTENSIONS = (".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".wav", ".flac")

_DIGITS = "0123456789"
_HEX = _DIGITS + "abcdefABCDEF"
_ALNUM = _DIGITS + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SLUG = _ALNUM + "-_"
_SUBDOMAIN = _DIGITS + "abcdefghijklmnopqrstuvwxyz-"

# Second path segments that name a SoundCloud profile page rather than a track.
_SOUNDCLOUD_PAGES = (
    "sets",
    "likes",
    "tracks",
    "albums",
    "reposts",
    "followers",
    "following",
    "comments",
    "popular-tracks",
    "spotlight",
    "toptracks",
)


def _made_of(text, alphabet):
    return bool(text) and all(char in alphabet for char in text)


def _is_soundcloud_ref(ref):
    parts = ref.split("/")
    if parts[0] == "tracks":
        return len(parts) == 2 and _made_of(parts[1], _DIGITS)
    if len(parts) == 3 and not parts[2].startswith("s-"):
        return False
    if len(parts) not in (2, 3) or parts[1] in _SOUNDCLOUD_PAGES:
        return False
    return all(_made_of(part, _SLUG) for part in parts)


def _is_bandcamp_ref(ref):
    parts = ref.split("/")
    if len(parts) != 2 or parts[0] in ("www", "m"):
        return False
    return _made_of(parts[0], _SUBDOMAIN) and _made_of(parts[1], _SLUG)


def _is_file_url(ref):
    """An absolute http(s) URL, or a path on the app's own server."""
    if ref.split() != [ref]:
        return False
    for scheme in ("http://", "https://"):
        if ref.startswith(scheme):
            return len(ref) > len(scheme)
    return ref.startswith("/") and not ref.startswith("//")


def _soundcloud_url(ref):
    if ref.startswith("tracks/"):
        return "https://api.soundcloud.com/" + ref
    return "https://soundcloud.com/" + ref


def _bandcamp_url(ref):
    artist, track = ref.split("/")
    return "https://" + artist + ".bandcamp.com/track/" + track


# kind: (is this a valid reference?, the reference's canonical URL)
_SOURCES = {
    YOUTUBE: (
        lambda ref: _made_of(ref, _SLUG),
        lambda ref: "https://www.youtube.com/watch?v=" + ref,
    ),
    SOUNDCLOUD: (_is_soundcloud_ref, _soundcloud_url),
    VIMEO: (lambda ref: _made_of(ref, _DIGITS), lambda ref: "https://vimeo.com/" + ref),
    DAILYMOTION: (
        lambda ref: _made_of(ref, _ALNUM),
        lambda ref: "https://www.dailymotion.com/video/" + ref,
    ),
    DEEZER: (
        lambda ref: _made_of(ref, _DIGITS),
        lambda ref: "https://www.deezer.com/track/" + ref,
    ),
    BANDCAMP: (_is_bandcamp_ref, _bandcamp_url),
    JAMENDO: (
        lambda ref: _made_of(ref, _DIGITS),
        lambda ref: "https://www.jamendo.com/track/" + ref,
    ),
    SPOTIFY: (
        lambda ref: _made_of(ref, _ALNUM),
        lambda ref: "https://open.spotify.com/track/" + ref,
    ),
    AUDIO_FILE: (_is_file_url, lambda ref: ref),
}

# Kinds whose eId may carry `#<metadata>` (a SoundCloud API URL, a Bandcamp stream URL).
_HASHED_KINDS = (SOUNDCLOUD, BANDCAMP)


def split_eid(eid: str) -> tuple | None:
    """`(kind, reference)` of a well-formed eId, else None; `#…` metadata is left out."""
    if len(eid) < 5 or eid[0] != "/" or eid[3] != "/":
        return None
    kind = eid[1:3]
    if kind not in _SOURCES:
        return None
    ref = eid[4:]
    if kind in _HASHED_KINDS:
        ref = ref.split("#")[0]
    if not _SOURCES[kind][0](ref):
        return None
    return (kind, ref)


def source_kind(eid: str) -> str | None:
    """Which player plays this eId (`YOUTUBE`, `SOUNDCLOUD`, …), or None when none can."""
    parts = split_eid(eid)
    return parts[0] if parts else None


def url_from_eid(eid: str) -> str | None:
    """The https URL of the track on its own site (the file itself for audio files), or None."""
    parts = split_eid(eid)
    if parts is None:
        return None
    return _SOURCES[parts[0]][1](parts[1])


# kind: what Openwhyd's `translateEidToUrl` puts in place of `/<kind>/`.
_OPENWHYD_LINK_PREFIXES = {
    YOUTUBE: "//youtube.com/watch?v=",
    SOUNDCLOUD: "//soundcloud.com/",
    DAILYMOTION: "//dailymotion.com/video/",
    VIMEO: "//vimeo.com/",
    DEEZER: "//www.deezer.com/",
    JAMENDO: "//jamendo.com/track/",
    SPOTIFY: "//open.spotify.com/track/",
}

# The server looks kinds up in a plain JavaScript object, so these names of Object.prototype
# find a "player" too, one without a URL prefix, which it treats as an audio file
# (`__proto__` is left out: the server throws on it).
_JS_OBJECT_KEYS = (
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
)


def openwhyd_link(eid: str) -> str:
    """The link Openwhyd itself shows for an eId (`format=links`, `trackUrl`), quirks included.

    As the server's `translateEidToUrl`: protocol-relative, `#…` kept on SoundCloud, `track/`
    missing on Deezer, the stream left out on Bandcamp, `/fi/` taken off audio files, and an
    eId it makes no link of given back as it is ("" for none).
    """
    if not eid or eid[0] != "/":
        return eid
    kind = eid.split("/")[1]
    link = ""
    if kind in _OPENWHYD_LINK_PREFIXES:
        link = eid.replace("/" + kind + "/", _OPENWHYD_LINK_PREFIXES[kind], 1)
    elif kind == BANDCAMP:
        parts = eid.split("#")[0][4:].split("/")
        if len(parts) >= 2:
            link = "//" + parts[0] + ".bandcamp.com/track/" + parts[1]
    elif kind == AUDIO_FILE or kind in _JS_OBJECT_KEYS:
        link = eid.replace("/fi/", "", 1)
    return link or eid


def _unquote(text):
    if "%" not in text:
        return text
    out = bytearray()
    i = 0
    while i < len(text):
        code = text[i + 1 : i + 3]
        if text[i] == "%" and len(code) == 2 and _made_of(code, _HEX):
            out.append(int(code, 16))
            i += 3
        else:
            out.extend(text[i].encode("utf-8"))
            i += 1
    try:
        return bytes(out).decode("utf-8")
    except (UnicodeError, ValueError):
        return text


def _query_params(query: str) -> dict[str, str]:
    """`a=1&b=2` as {name: value}, decoded; a name given twice keeps its first value."""
    params = {}
    for pair in query.split("&"):
        key_value = pair.split("=", 1)
        if key_value[0] and len(key_value) == 2 and key_value[0] not in params:
            params[key_value[0]] = _unquote(key_value[1])
    return params


class _Url:
    """The parts of a pasted URL the parsers look at: bare host, path segments, query."""

    def __init__(self, text):
        rest = text
        for scheme in ("https://", "http://", "//"):
            if rest.lower().startswith(scheme):
                rest = rest[len(scheme) :]
                break
        rest = rest.split("#")[0]
        query = ""
        if "?" in rest:
            rest, query = rest.split("?", 1)
        if rest.startswith("/"):
            self.host = ""
            path = rest
        else:
            slash = rest.find("/")
            if slash < 0:
                slash = len(rest)
            self.host = self._bare_host(rest[:slash])
            path = rest[slash:]
        self.path = path
        self.segments = [segment for segment in path.split("/") if segment]
        self.query = _query_params(query)

    @staticmethod
    def _bare_host(host):
        host = host.split("@")[-1].split(":")[0].lower()
        for prefix in ("www.", "m."):
            if host.startswith(prefix):
                return host[len(prefix) :]
        return host

    def after(self, segment):
        """The path segment right after `segment`, or ''."""
        for i in range(len(self.segments) - 1):
            if self.segments[i] == segment:
                return self.segments[i + 1]
        return ""


def _youtube_ref(url):
    if url.host == "youtu.be":
        return url.segments[0] if url.segments else ""
    if url.segments and url.segments[0] == "watch":
        return url.query.get("v", "")
    if len(url.segments) >= 2 and url.segments[0] in ("embed", "v", "e", "shorts", "live"):
        return url.segments[1]
    return ""


def _soundcloud_ref(url):
    if url.host == "w.soundcloud.com":
        inner = _Url(url.query.get("url", ""))
        return _soundcloud_ref(inner) if inner.host != "w.soundcloud.com" else ""
    if url.host == "api.soundcloud.com":
        return "tracks/" + url.after("tracks")
    if url.host == "soundcloud.com":
        return "/".join(url.segments)
    return ""


def _vimeo_ref(url):
    if url.host == "player.vimeo.com":
        return url.after("video")
    if url.segments and _made_of(url.segments[0], _DIGITS):
        return url.segments[0]
    for segment in reversed(url.segments):
        if _made_of(segment, _DIGITS):
            return segment
    return ""


def _dailymotion_ref(url):
    if url.host == "dai.ly":
        ref = url.segments[0] if url.segments else ""
    elif url.host == "geo.dailymotion.com":
        ref = url.query.get("video", "")
    else:
        ref = url.after("video")
    return ref.split("_")[0]


def _bandcamp_ref(url):
    artist = url.host[: -len(".bandcamp.com")]
    if len(url.segments) == 2 and url.segments[0] == "track":
        return artist + "/" + url.segments[1]
    return ""


def _deezer_ref(url):
    """`…/track/<id>`, or `deezer.com/<id>`, the link Openwhyd writes for a Deezer eId."""
    if len(url.segments) == 1 and _made_of(url.segments[0], _DIGITS):
        return url.segments[0]
    return url.after("track")


# (kind, hosts, how to find the reference in a URL on one of those hosts)
_PARSERS = (
    (YOUTUBE, ("youtube.com", "music.youtube.com", "youtube-nocookie.com", "youtu.be"), _youtube_ref),
    (SOUNDCLOUD, ("soundcloud.com", "api.soundcloud.com", "w.soundcloud.com"), _soundcloud_ref),
    (VIMEO, ("vimeo.com", "player.vimeo.com"), _vimeo_ref),
    (DAILYMOTION, ("dailymotion.com", "geo.dailymotion.com", "dai.ly"), _dailymotion_ref),
    (DEEZER, ("deezer.com", "widget.deezer.com"), _deezer_ref),
    (JAMENDO, ("jamendo.com",), lambda url: url.after("track")),
    (SPOTIFY, ("open.spotify.com", "play.spotify.com"), lambda url: url.after("track")),
)


def _eid(kind, ref):
    if ref and _SOURCES[kind][0](ref):
        return "/" + kind + "/" + ref
    return None


def _is_audio_path(path):
    path = path.lower()
    return any(path.endswith(extension) for extension in AUDIO_EXTENSIONS)


def eid_from_url(text: str) -> str | None:
    """The eId of a pasted track URL (any source Openwhyd plays), or None; never raises."""
    text = text.strip()
    if text.startswith("spotify:track:"):
        return _eid(SPOTIFY, text[len("spotify:track:") :])
    url = _Url(text)
    if _is_audio_path(url.path):
        return _eid(AUDIO_FILE, text)
    for kind, hosts, find_ref in _PARSERS:
        if url.host in hosts:
            return _eid(kind, find_ref(url))
    if url.host.endswith(".bandcamp.com"):
        return _eid(BANDCAMP, _bandcamp_ref(url))
    return None
