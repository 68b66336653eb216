"""External track ids (`eId`, reference §4.6) to the URLs of `format=links` and `trackUrl`."""

PREFIXES = {
    "/yt/": "//youtube.com/watch?v=",
    "/sc/": "//soundcloud.com/",
    "/dm/": "//dailymotion.com/video/",
    "/vi/": "//vimeo.com/",
    "/dz/": "//www.deezer.com/",
    "/ja/": "//jamendo.com/track/",
    "/sp/": "//open.spotify.com/track/",
    "/fi/": "",
}


def track_url(eid: object) -> str | None:
    """The server's URL for an eId (`//`-prefixed, Deezer without `track/`), or None."""
    if not isinstance(eid, str):
        return None
    if eid.startswith("/bc/"):
        artist, _, track = eid[4:].split("#", 1)[0].partition("/")
        return f"//{artist}.bandcamp.com/track/{track}"
    for prefix, base in PREFIXES.items():
        if eid.startswith(prefix):
            return base + eid[len(prefix) :]
    return None
