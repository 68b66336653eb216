"""URL pieces the widget builds and checks, by hand because MicroPython has no urllib."""

from app.openwhyd.paths import quote


def query(pairs: list) -> str:
    """`?a=1&b=2` from (name, value) pairs; empty without pairs."""
    if not pairs:
        return ""
    return "?" + "&".join(quote(name) + "=" + quote(value) for name, value in pairs)


def is_web_url(url: str) -> bool:
    """Only http(s) leaves the widget as a link, an image or a stream: never `javascript:` or `data:`."""
    for scheme in ("http://", "https://"):
        if url.startswith(scheme) and len(url) > len(scheme) and url.split() == [url]:
            return True
    return False


def origin(url: str) -> str:
    """`https://host:port` of an absolute http(s) URL, else ''."""
    if not is_web_url(url):
        return ""
    scheme, rest = url.split("://", 1)
    return scheme + "://" + rest.split("/")[0].split("?")[0].split("#")[0]


def on_server(base: str, path: str) -> str | None:
    """An audio file's address from its eId: `/x` is a path on the server of `base`."""
    return _absolute(base, path, origin(base))


def under_base(base: str, path: str) -> str | None:
    """An image's address: Openwhyd writes its own as `/img/…`, relative to its root, `base`."""
    return _absolute(base, path, base.rstrip("/"))


def _absolute(base, path, root):
    """`//host/x` takes `base`'s scheme, `/x` goes under `root`; only http(s) comes out, else None."""
    if path.startswith("//"):
        path = base.split("://")[0] + ":" + path
    elif path.startswith("/"):
        path = root + path if root else ""
    return path if is_web_url(path) else None
