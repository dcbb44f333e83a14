"""URLs a source may name or lead to: absolute http(s) only, no credentials. Pure."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

ALLOWED_SCHEMES = ("http", "https")
MAX_URL_CHARS = 2048


class BadUrl(ValueError):
    """A URL the tracker will not fetch; the message says why."""


def check_url(url: str, base: str | None = None) -> str:
    """The absolute http(s) URL (resolved against ``base``), without its fragment.

    Raises BadUrl for other schemes (file:, ftp:, javascript:, data:...), URLs with a user
    name or password, no host, control characters or more than MAX_URL_CHARS characters."""
    text = (url or "").strip()
    if not text:
        raise BadUrl("empty URL")
    if len(text) > MAX_URL_CHARS:
        raise BadUrl(f"URL is over {MAX_URL_CHARS} characters")
    if _CONTROL.search(text):
        raise BadUrl("URL contains control characters or spaces")
    if base is not None:
        text = urljoin(base, text)
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError as error:
        raise BadUrl(f"malformed URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise BadUrl(f"only http and https URLs are fetched, not {shown}")
    if parts.username is not None or parts.password is not None:
        raise BadUrl("URLs with a user name or password are not fetched")
    if not parts.hostname:
        raise BadUrl("URL has no host")
    netloc = parts.hostname if port is None else f"{parts.hostname}:{port}"
    if ":" in parts.hostname:  # an IPv6 literal keeps its brackets
        netloc = f"[{parts.hostname}]" + ("" if port is None else f":{port}")
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host:port a URL is fetched from (the unit of the politeness delay)."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


_CONTROL = re.compile(r"[\x00-\x20\x7f]")
