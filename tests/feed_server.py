"""A real HTTP server on 127.0.0.1 (port 0) for the feed tests: fixture feeds and pages,
hostile answers, and a log of every request it answered.

    server = FeedServer(); server.start()
    server.page("/a.html", html)            # 200 text/html with an ETag
    server.feed("/feed.xml", rss_bytes)     # 200 application/rss+xml, ETag, Last-Modified
    server.route("/slow", slow_handler)     # any handler(request) for hostile answers
    server.log                              # [Hit(path, headers, status), ...]
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], int]  # writes the answer, returns its status


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    status: int


HITS_WAIT_S = 5.0  # how long hits() waits for requests the server still handles


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[Hit] = []
        self._lock = threading.Condition()
        self._in_flight = 0  # requests whose hit is not logged yet
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # http.server's name
                handler = server.routes.get(self.path.split("?", 1)[0])
                with server._lock:
                    server._in_flight += 1
                status = -1  # the client hung up (a cap or a timeout did its job)
                try:
                    status = handler(self) if handler else _not_found(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:  # (logged after the response is sent: hits() waits for it)
                    with server._lock:
                        server.log.append(Hit(self.path, dict(self.headers.items()), status))
                        server._in_flight -= 1
                        server._lock.notify_all()

            def log_message(self, *args: object) -> None:  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # hostile handlers may still be sleeping
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    # -- routes -----------------------------------------------------------------------------
    def route(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def static(
        self,
        path: str,
        body: bytes,
        content_type: str,
        *,
        etag: bool = True,
        last_modified: str | None = None,
    ) -> str:
        """200 with the body; 304 to a request whose validators match."""
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"' if etag else None

        def handler(request: BaseHTTPRequestHandler) -> int:
            match_tag = tag and request.headers.get("If-None-Match") == tag
            match_date = last_modified and request.headers.get("If-Modified-Since") == last_modified
            if match_tag or (not tag and match_date):
                request.send_response(304)
                request.end_headers()
                return 304
            request.send_response(200)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(body)))
            if tag:
                request.send_header("ETag", tag)
            if last_modified:
                request.send_header("Last-Modified", last_modified)
            request.end_headers()
            request.wfile.write(body)
            return 200

        return self.route(path, handler)

    def page(self, path: str, html: str, **kwargs) -> str:
        return self.static(path, html.encode("utf-8"), "text/html; charset=utf-8", **kwargs)

    def feed(self, path: str, xml: str, **kwargs) -> str:
        kwargs.setdefault("last_modified", "Fri, 15 Aug 2025 12:00:00 GMT")
        return self.static(path, xml.encode("utf-8"), "application/rss+xml", **kwargs)

    def hits(self, path: str) -> list[Hit]:
        """The requests for ``path`` so far. A client has its response before the server has
        logged the request, so this waits (up to HITS_WAIT_S) for requests still in hand."""
        with self._lock:
            self._lock.wait_for(lambda: self._in_flight == 0, timeout=HITS_WAIT_S)
            return [hit for hit in self.log if hit.path.split("?", 1)[0] == path]


def _not_found(request: BaseHTTPRequestHandler) -> int:
    request.send_response(404)
    request.end_headers()
    return 404


# -- hostile handlers -----------------------------------------------------------------------
def redirect(location: str, status: int = 302) -> Handler:
    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(status)
        request.send_header("Location", location)
        request.end_headers()
        return status

    return handler


def endless(content_type: str = "text/html") -> Handler:
    """200 with no Content-Length and a body that never ends (until the client hangs up)."""

    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        for _ in range(20_000):  # ~1.3 GB at most; the client stops far earlier
            request.wfile.write(chunk)
        return 200

    return handler


def declared_huge() -> Handler:
    """A Content-Length of 1 GB: refused before any body is read."""

    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(1 << 30))
        request.end_headers()
        request.wfile.write(b"<html>")
        return 200

    return handler


def stalled(after_headers_s: float) -> Handler:
    """Headers at once, then silence for ``after_headers_s`` before a short body."""

    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        request.wfile.flush()
        time.sleep(after_headers_s)
        request.wfile.write(b"<html><body><p>late</p></body></html>")
        return 200

    return handler


def dripping(pause_s: float, count: int) -> Handler:
    """A byte every ``pause_s`` seconds, ``count`` times: each read is on time, the whole
    body never is."""

    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        for _ in range(count):
            request.wfile.write(b"x")
            request.wfile.flush()
            time.sleep(pause_s)
        return 200

    return handler


def gzip_bomb(inflated_bytes: int) -> Handler:
    """A small gzip body that inflates to ``inflated_bytes`` (Content-Encoding: gzip)."""
    import gzip

    packed = gzip.compress(b"<p>" + b"a" * inflated_bytes + b"</p>", compresslevel=9)

    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Encoding", "gzip")
        request.send_header("Content-Length", str(len(packed)))
        request.end_headers()
        request.wfile.write(packed)
        return 200

    return handler


def typed(body: bytes, content_type: str) -> Handler:
    def handler(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)
        return 200

    return handler
