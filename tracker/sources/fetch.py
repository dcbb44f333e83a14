"""HTTP for sources: one GET with every guard a polling client needs (httpx).

- only http(s), checked for the first URL and for every redirect target;
- at most ``max_redirects`` redirects, followed here (never by httpx) so each hop is checked;
- connect / read timeouts, and a deadline for the whole body (a server that drips a byte
  just inside the read timeout cannot hold a poll forever);
- a size cap enforced while streaming (a Content-Length over it is refused before reading;
  a body that grows past it is cut off and refused), on the decoded bytes, so a small
  gzip that inflates to gigabytes is refused too;
- conditional requests: the ETag and Last-Modified of the previous answer are sent back
  (If-None-Match, If-Modified-Since) and a 304 comes back as ``not_modified``;
- a politeness delay per host: two requests to one host are at least ``host_delay`` apart.

Environment proxies are ignored (``trust_env=False``): what is fetched is what was named.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from tracker.errors import TrackerError
from tracker.sources.urls import BadUrl, check_url, host_of

USER_AGENT = "tracker/0.1 (relationship tracker; polite feed reader)"
REDIRECT_CODES = frozenset((301, 302, 303, 307, 308))


class FetchError(TrackerError):
    """A URL could not be fetched; ``reason`` is one line for the poll report."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits of every request. Defaults suit news sites; tests lower them."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    body_deadline_s: float = 60.0  # the whole body, from the first byte of the answer
    max_bytes: int = 5 * 1024 * 1024  # a news page is ~100 KB-2 MB; a feed far less
    max_redirects: int = 5
    host_delay_s: float = 1.0  # between two requests to one host


@dataclass(frozen=True, slots=True)
class Fetched:
    """An answer: 200 with its body, or 304 (``not_modified``, empty body)."""

    url: str  # where the body came from, after redirects
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostPacer:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> float:
        """Sleep as needed before a request to ``url``; returns the seconds slept."""
        host = host_of(url)
        slept = 0.0
        previous = self.last.get(host)
        if previous is not None and self.delay > 0:
            slept = max(0.0, previous + self.delay - self.clock())
            if slept > 0:
                self.sleep(slept)
        self.last[host] = self.clock()
        return slept


class Fetcher:
    """GETs under one FetchPolicy, with one HostPacer, on one connection pool."""

    def __init__(self, policy: FetchPolicy | None = None, pacer: HostPacer | None = None):
        self.policy = policy or FetchPolicy()
        self.pacer = pacer or HostPacer(self.policy.host_delay_s)
        timeout = httpx.Timeout(self.policy.read_timeout_s, connect=self.policy.connect_timeout_s)
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=timeout,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Fetched:
        """GET ``url`` following at most max_redirects checked redirects; FetchError on
        any failure (the reason names the timeout, the size, the redirect, the status)."""
        try:
            current = check_url(url)
        except BadUrl as error:
            raise FetchError(url, str(error)) from None
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited: list[str] = []
        for _ in range(self.policy.max_redirects + 1):
            visited.append(current)
            answer = self._one(current, headers)
            if isinstance(answer, Fetched):
                return answer
            try:
                current = check_url(answer, current)
            except BadUrl as error:
                raise FetchError(url, f"redirected to a URL not fetched ({error})") from None
            if current in visited:
                raise FetchError(url, f"redirect loop ({current} again)")
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _one(self, url: str, headers: dict[str, str]) -> Fetched | str:
        """One request: the answer, or the Location of a redirect."""
        self.pacer.wait(url)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in REDIRECT_CODES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {response.status_code} without a Location")
                    return location
                if response.status_code == 304:
                    return self._answer(url, response, b"")
                if response.status_code != 200:
                    reason = response.reason_phrase or ""
                    raise FetchError(url, f"HTTP {response.status_code} {reason}".strip())
                return self._answer(url, response, self._body(url, response))
        except httpx.ConnectTimeout:
            raise FetchError(url, "timed out connecting") from None
        except httpx.ReadTimeout:
            raise FetchError(url, "timed out reading the answer") from None
        except httpx.TimeoutException:
            raise FetchError(url, "timed out") from None
        except httpx.ConnectError as error:
            raise FetchError(url, f"cannot connect: {_short(error)}") from None
        except httpx.InvalidURL as error:  # httpx reads a redirect's Location before us
            raise FetchError(url, f"redirected to a URL not fetched ({_short(error)})") from None
        except httpx.HTTPError as error:  # protocol errors, bad encodings, resets
            raise FetchError(url, f"{type(error).__name__}: {_short(error)}") from None

    def _body(self, url: str, response: httpx.Response) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"answer is {int(declared):,} bytes, over the {cap:,} limit")
        deadline = time.monotonic() + self.policy.body_deadline_s
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # as it arrives (a chunk size would buffer)
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"answer is over the {cap:,} byte limit")
            if time.monotonic() > deadline:
                raise FetchError(
                    url, f"answer took over {self.policy.body_deadline_s:g} s to arrive"
                )
            parts.append(chunk)
        return b"".join(parts)

    @staticmethod
    def _answer(url: str, response: httpx.Response, body: bytes) -> Fetched:
        return Fetched(
            url=url,
            status=response.status_code,
            body=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:200] or type(error).__name__
