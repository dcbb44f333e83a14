"""HTML is parsed in a worker process with a deadline: one bad page never costs minutes.

lxml and trafilatura run in C and cannot be interrupted from Python: a 430 KB page with
40,000 attributes took 54 s, a 3.5 MB one over 11 minutes, and neither Ctrl-C nor a thread
timeout stops them. Here :func:`html_draft_with_deadline` sends the page to one long-lived
worker process (started on first use, ~0.1 s with fork) and waits at most
``limits.HTML_PARSE_TIMEOUT_S``; past that the worker is killed (SIGKILL always works), the
file is refused with the reason, and the next page gets a fresh worker. The worker exits by
itself when its parent dies (tracker.lifeline). One page at a time per process (a lock):
the dashboard's sessions share the worker.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection

from tracker.errors import IngestError
from tracker.load import limits
from tracker.load.documents import Draft


def html_draft_with_deadline(name: str, html: str, warnings: tuple[str, ...]) -> Draft:
    """tracker.load.html_files.html_draft in the worker; raises IngestError when it fails
    the way html_draft does, or takes longer than HTML_PARSE_TIMEOUT_S."""
    return _WORKER.run(name, html, warnings, limits.HTML_PARSE_TIMEOUT_S)


class _HtmlWorker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def run(self, name: str, html: str, warnings: tuple[str, ...], timeout: float) -> Draft:
        with self._lock:
            conn = self._ensure_started()
            try:
                conn.send((name, html, warnings))
                if not conn.poll(timeout):
                    self._stop()
                    raise IngestError(
                        name,
                        f"refused: the HTML took more than {timeout:g} s to parse (a page with "
                        "a huge number of tags or attributes?)",
                    )
                status, value = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._stop()  # the worker died (out of memory?): a fresh one next time
                raise IngestError(name, "refused: the HTML parser stopped on this page") from None
        if status == "ok":
            return value
        if status == "error":
            raise value
        raise IngestError(name, f"internal error while reading HTML ({value})")

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        import trafilatura  # noqa: F401 - imported here once: each forked worker has it

        import tracker.load.html_files  # noqa: F401

        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name="tracker-html", daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None


def _serve(conn: Connection) -> None:
    """The worker: parse pages until the pipe closes."""
    from tracker.lifeline import exit_with_parent
    from tracker.load.html_files import html_draft

    exit_with_parent()
    while True:
        try:
            name, html, warnings = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", html_draft(name, html, warnings))
        except IngestError as error:
            reply = ("error", error)
        except ValueError as error:
            reply = ("error", IngestError(name, str(error)))
        except Exception as error:  # reported as an internal error by the parent
            reply = ("bug", type(error).__name__)
        conn.send(reply)


_WORKER = _HtmlWorker()


def stop_html_worker() -> None:
    """Stop the worker (the next page forks a fresh one, with the parent's current code)."""
    with _WORKER._lock:
        _WORKER._stop()
