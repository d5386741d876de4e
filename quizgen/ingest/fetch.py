"""Articles from the web: a page's address to its article text.

article (this, then :func:`quizgen.ingest.parse_article`) -> analysis. A
page is fetched with a time limit, a size limit and a user agent that says
what is asking; what comes back is read by its content type, like a file by
its suffix, and stored with its address as its source. An RSS or Atom feed
gives the articles its entries link to. Every failure is an
:class:`ArticleError` naming the address.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from quizgen import __version__
from quizgen.errors import ArticleError
from quizgen.ingest.article import DEFAULT_MAX_BYTES, ArticleText, format_size, parse_article

USER_AGENT = f"quizgen/{__version__} (article reader; +offline quiz maker)"
TIMEOUT = 20.0
MAX_REDIRECTS = 5
# Content types to the format their body is read as.
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


def is_url(value: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return value.startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1


FEED_TYPES = frozenset(
    ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
)
# A feed's articles read at most: a feed is a page of news, not an archive.
MAX_FEED_ENTRIES = 100


def fetch_articles(
    url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = TIMEOUT
) -> Iterator[ArticleText | ArticleError]:
    """The article at ``url``, or for an RSS or Atom feed, the article of each of
    its entries in the feed's order. A failure is yielded in its place."""
    try:
        data, content_type = fetch(url, max_bytes=max_bytes, timeout=timeout)
        if content_type not in FEED_TYPES:
            yield _article(url, data, content_type)
            return
        links = _feed_links(url, data)
    except ArticleError as exc:
        yield exc
        return
    for link in links:
        try:
            page, page_type = fetch(link, max_bytes=max_bytes, timeout=timeout)
            yield _article(link, page, page_type)
        except ArticleError as exc:
            yield exc


def _article(url: str, data: bytes, content_type: str) -> ArticleText:
    fmt = CONTENT_TYPES.get(content_type)
    if fmt is None:
        raise ArticleError(url, f"is {content_type or 'of no content type'}, not a web page or document")
    return parse_article(data, source=url, format=fmt, fallback_title=_title_from_url(url))


def _feed_links(url: str, data: bytes) -> list[str]:
    """The web addresses of a feed's entries, made absolute, each once."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        raise ArticleError(url, "is a feed with no entries, or not a readable RSS or Atom feed")
    links = [urljoin(url, entry.get("link", "")) for entry in feed.entries if entry.get("link")]
    return [link for link in dict.fromkeys(links) if is_url(link)][:MAX_FEED_ENTRIES]


def fetch(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = TIMEOUT) -> tuple[bytes, str]:
    """The body of ``url`` and its content type (lowercase, without parameters)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleError(url, "not a web address; give one starting with http:// or https://")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type().lower()
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise ArticleError(url, "redirects in a loop or too many times; open it in a browser") from None
        raise ArticleError(url, f"HTTP error {exc.code} {exc.reason}; check the address") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ArticleError(url, f"no answer within {timeout:g} s; try again later") from None
        raise ArticleError(
            url, f"cannot reach {parts.hostname} ({reason}); check the address and the network"
        ) from None
    except TimeoutError:
        raise ArticleError(url, f"no answer within {timeout:g} s; try again later") from None
    except OSError as exc:
        raise ArticleError(url, f"cannot be fetched ({exc}); check the address and the network") from None
    if len(data) > max_bytes:
        raise ArticleError(url, f"over the {format_size(max_bytes)} limit; raise it with --max-size")
    return data, content_type


def _title_from_url(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(last.replace("_", "-").split("-")).strip() or urlsplit(url).hostname or url
