"""Another site on loopback, for the tests of what other sites may do with our pages."""

import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class HostSite:
    """A second loopback origin: a blog that embeds us (the pages a test gives it), and, under
    `/openwhyd/`, the Openwhyd service relayed as another site would be: without CORS headers."""

    def __init__(self, service: str) -> None:
        pages: dict[str, str] = {}
        relayed: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/openwhyd/"):
                    relayed.append(self.path)
                    with urllib.request.urlopen(service + self.path) as reply:
                        body, content_type = reply.read(), reply.headers["Content-Type"]
                else:
                    body, content_type = pages.get(self.path, "").encode(), "text/html; charset=utf-8"
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", content_type)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.pages, self.relayed = pages, relayed
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, path: str, html: str) -> str:
        self.pages[path] = html
        return self.origin + path
