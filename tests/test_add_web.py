"""`quizgen add URL`: pages and feeds from a web server the test starts itself, no outside network."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_add import one_error_line, stored
from tests.test_export_anki import collection, import_apkg  # noqa: F401 - the fixture is used by name

PAGES = Path(__file__).parent / "data" / "pages"


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).requests.append(self.path)
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/feed.xml":
            base = f"http://{self.headers['Host']}"
            items = "".join(
                f"<item><title>{name}</title><link>{base}/{name}.html</link></item>"
                for name in ("teasers-first", "amp-page", "missing")
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'
            self._send(body.encode(), "application/rss+xml")
            return
        path = PAGES / self.path.lstrip("/")
        if self.path.endswith(".html") and path.is_file():
            self._send(path.read_bytes(), "text/html; charset=utf-8")
        elif self.path == "/data.json":
            self._send(b'{"a": 1}', "application/json")
        else:
            self.send_error(404, "Not Found")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_is_fetched_once_and_stored_with_its_address(cli, server):
    url = f"{server}/teasers-first.html"
    first = cli("add", url)
    assert first.code == 0, first.err
    assert "1 added, 0 already stored, 0 failed" in first.out
    [article] = stored(cli)
    assert article["source"] == url
    assert article["title"] == "Westbrook council approves four-day week trial for 300 office staff"
    again = cli("add", url)
    assert again.code == 0 and "0 added, 1 already stored, 0 failed" in again.out
    assert _Handler.requests == ["/teasers-first.html"]
    refetched = cli("add", "--refetch", url)
    assert refetched.code == 0 and "0 added, 1 already stored" in refetched.out
    assert _Handler.requests == ["/teasers-first.html"] * 2


def test_each_failure_is_one_line_and_the_rest_of_the_batch_is_stored(cli, server):
    urls = [f"{server}/missing.html", f"{server}/data.json", f"{server}/loop", "http://127.0.0.1:9/x"]
    result = cli("add", *urls, f"{server}/amp-page.html")
    assert result.code == 1
    assert "1 added, 0 already stored, 4 failed" in result.out
    errors = [line for line in result.err.splitlines() if line.startswith("quizgen: error:")]
    assert errors == [
        f"quizgen: error: {server}/missing.html: HTTP error 404 Not Found; check the address",
        f"quizgen: error: {server}/data.json: is application/json, not a web page or document",
        f"quizgen: error: {server}/loop: redirects in a loop or too many times; open it in a browser",
        "quizgen: error: http://127.0.0.1:9/x: cannot reach 127.0.0.1 ([Errno 111] Connection refused); "
        "check the address and the network",
    ]
    assert "Traceback" not in result.err
    assert [a["source"] for a in stored(cli)] == [f"{server}/amp-page.html"]


def test_a_feed_adds_the_article_of_each_entry(cli, server):
    result = cli("add", f"{server}/feed.xml")
    assert result.code == 1
    assert "2 added, 0 already stored, 1 failed" in result.out
    assert (
        one_error_line(result.err)
        == f"quizgen: error: {server}/missing.html: HTTP error 404 Not Found; check the address"
    )
    assert [a["source"] for a in stored(cli)] == [f"{server}/teasers-first.html", f"{server}/amp-page.html"]


def _document_article(kind: str, folder: Path) -> Path:
    if kind == "pdf":
        from tests.test_ingest_documents import article_pdf  # made by Typst, the text passed as data

        path = folder / "article.pdf"
        path.write_bytes(article_pdf(folder))
        return path
    import docx

    document = docx.Document()
    document.add_heading("Council backs a four-day week", level=1)
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    path = folder / "council.docx"
    document.save(str(path))
    return path


PARAGRAPHS = [
    "Westbrook County Council voted on Thursday to let about 300 office staff work a four-day week for a year.",
    "Council leader Priya Shah said the trial would help the authority fill vacancies in planning and housing.",
    "The council spent 1.9 million pounds on agency workers to cover vacant posts in the last financial year.",
]


@pytest.mark.parametrize("source", ["url", "feed", "pdf", "docx"])
def test_every_new_source_goes_through_to_an_anki_deck(cli, server, collection, tmp_path, source):  # noqa: F811
    if source == "url":
        target = f"{server}/teasers-first.html"
    elif source == "feed":
        target = f"{server}/feed.xml"
    else:
        target = str(_document_article(source, tmp_path))
    added = cli("add", target)
    # The feed links to one missing page, which fails alone.
    assert "added" in added.out and added.err.count("quizgen: error:") == (source == "feed"), added.err
    generated = cli("generate", "--all")
    assert generated.code == 0, generated.err
    deck = tmp_path / "deck.apkg"
    exported = cli("export", "anki", "--out", deck)
    assert exported.code == 0, exported.err
    log = import_apkg(collection, deck)
    assert len(log.new) > 0
    assert collection.note_count() == len(log.new)
