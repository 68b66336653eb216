"""External track ids (`eId`, reference §4.6) to the URLs of `format=links` and `trackUrl`, as the
real server's `config.translateEidToUrl` writes them (app/models/config.js of openwhyd/openwhyd)."""

PREFIXES = {
    "yt": "//youtube.com/watch?v=",
    "sc": "//soundcloud.com/",
    "dm": "//dailymotion.com/video/",
    "vi": "//vimeo.com/",
    "dz": "//www.deezer.com/",
    "ja": "//jamendo.com/track/",
    "sp": "//open.spotify.com/track/",
}
"""kind: what replaces `/<kind>/`."""

JS_OBJECT_KEYS = frozenset(
    (
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
)
"""The server looks kinds up in a plain JavaScript object, where these names of Object.prototype
find a "player" without a URL prefix, handled as an audio file. (On `__proto__` it throws; here
that eId is given back as it is.)"""


def track_url(eid: object) -> str | None:
    """The server's URL for an eId: `//`-prefixed, Deezer without `track/`, Bandcamp without its
    stream, `/fi/` taken off audio files; an eId it makes no URL of comes back as it is. None for
    no eId at all."""
    if not isinstance(eid, str):
        return None
    if not eid.startswith("/"):
        return eid
    kind = eid.split("/")[1]
    url = ""
    if kind in PREFIXES:
        url = eid.replace(f"/{kind}/", PREFIXES[kind], 1)
    elif kind == "bc":
        parts = eid.split("#")[0][4:].split("/")
        if len(parts) >= 2:
            url = f"//{parts[0]}.bandcamp.com/track/{parts[1]}"
    elif kind == "fi" or kind in JS_OBJECT_KEYS:
        url = eid.replace("/fi/", "", 1)
    return url or eid
