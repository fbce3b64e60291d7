"""Link cards against a real HTTP server on 127.0.0.1 (started here, on an ephemeral port): Open Graph and its
fallbacks, redirects, errors, limits on what is read, cancellation, the cache and which link gets a card."""

from __future__ import annotations

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from PIL import Image

from studio.core.progress import Cancelled, Progress
from studio.networks.linkcard import (
    CHUNK_BYTES,
    CardCache,
    CardData,
    LinkCardError,
    fetch_card,
    first_link,
    image_type,
    normalize_url,
)

pytestmark = pytest.mark.timeout(30)  # a fetch that hangs fails fast instead of after the suite's 300 s


def _png(size: int = 8, noise: bool = False) -> bytes:
    image = Image.effect_noise((size, size), 80).convert("RGB") if noise else Image.new("RGB", (size, size), "red")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PNG = _png()
BIG_PNG = _png(200, noise=True)  # > 20 kB
OG_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Fallback title</title>
<meta property="og:title" content="Tour dates &amp; tickets">
<meta property="og:description" content="  Six cities,
   one summer. ">
<meta property="og:site_name" content="Band">
<meta property="og:image" content="../img/cover.png">
<meta name="twitter:title" content="Not this one">
</head><body><meta property="og:title" content="Not in head"></body></html>"""
ENDLESS_HEAD = b'<html><head><title>Endless</title>\n' + b'<meta name="x" content="' + b"y" * 1000 + b'">\n'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        self.send_header("Connection", "close")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def stream(self, head: bytes, filler: bytes, ctype: str = "text/html", length: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length" if length else "Transfer-Encoding", length or "chunked")
        self.end_headers()
        self.close_connection = True
        frame = (lambda b: b) if length else (lambda b: b"%x\r\n%s\r\n" % (len(b), b))
        try:
            self.wfile.write(frame(head))
            while not self.server.stop.is_set():
                self.wfile.write(frame(filler))
        except OSError:
            pass  # the client stopped reading

    def do_GET(self):
        srv, path = self.server, self.path
        srv.log.append(path)
        if path == "/page/og":
            self.send(200, OG_PAGE.encode())
        elif path == "/img/cover.png":
            self.send(200, PNG, "image/png")
        elif path == "/title-only":
            self.send(200, b"<html><head><title>\n  Just a   title </title></head>"
                           b'<body><meta name="description" content="in the body: not read"></body></html>')
        elif path == "/meta-description":
            self.send(200, '<head><meta name="description" content="Plain description"><title>Café</title>'
                           .encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/cp1252":
            self.send(200, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                           '<title>Café – menu</title>'.encode("cp1252"), "text/html")
        elif path == "/bare":
            self.send(200, b"<p>no head at all</p>")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send(302, Location=f"/hop/{n - 1}" if n > 1 else "/title-only")
        elif path == "/to-ftp":
            self.send(301, Location="ftp://127.0.0.1/file")
        elif path == "/missing":
            self.send(404, b"<title>Not found</title>")
        elif path == "/silent":
            srv.stop.wait(10)
        elif path == "/stall-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><head>")
            self.wfile.flush()
            srv.stop.wait(10)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.close_connection = True
            while not srv.stop.wait(0.2):
                self.wfile.write(b"<meta name='x' content='y'>\n")
                self.wfile.flush()
        elif path == "/endless-5gb":
            self.stream(ENDLESS_HEAD, ENDLESS_HEAD[-1020:] * 16, length="5000000000")
        elif path == "/head-then-endless":
            self.stream(b"<html><head><title>Short</title></head><body>", b"<p>more</p>" * 1000)
        elif path == "/endless-chunked":
            self.stream(ENDLESS_HEAD, ENDLESS_HEAD[-1020:] * 16)
        elif path == "/files/report%20v2.pdf":
            self.send(200, b"%PDF-1.4 ...", "application/pdf")
        elif path == "/pic.png":
            self.send(200, PNG, "image/png")
        elif path == "/big.png":
            self.send(200, BIG_PNG, "image/png")
        elif path == "/endless.png":
            self.stream(BIG_PNG[:1000], b"\0" * 16384, ctype="image/png")
        elif path == "/fake.png":
            self.send(200, b"<html>not an image</html>", "image/png")
        elif path.startswith("/page/img?"):
            target = path.split("?", 1)[1]
            self.send(200, f'<head><meta property="og:image" content="{target}"><title>T</title></head>'.encode())
        else:
            self.send(500, b"unexpected path")


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads, srv.block_on_close = True, False
    srv.stop, srv.log = threading.Event(), []
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.stop.set()
    srv.shutdown()
    srv.server_close()
    thread.join(5)


class CountingSession(requests.Session):
    """Never uses a proxy (only 127.0.0.1 is contacted) and keeps every response to see how much was read."""

    def __init__(self):
        super().__init__()
        self.trust_env = False
        self.responses: list[requests.Response] = []

    def send(self, request, **kwargs):
        response = super().send(request, **kwargs)
        self.responses.append(response)
        return response


@pytest.fixture
def session():
    with CountingSession() as s:
        yield s


@pytest.fixture
def base(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def fetch_error(url: str, **kwargs) -> LinkCardError:
    with pytest.raises(LinkCardError) as info:
        fetch_card(url, **kwargs)
    return info.value


def test_open_graph_card_with_relative_image(base, server, session):
    card = fetch_card(f"{base}/page/og", session=session)
    assert card == CardData(f"{base}/page/og", f"{base}/page/og", "Tour dates & tickets", "Six cities, one summer.",
                            "Band", f"{base}/img/cover.png", PNG)
    assert image_type(card.image) == "png"
    assert all(r.request.headers["User-Agent"] == "ContentStudio/0.1 (+link preview)" for r in session.responses)


@pytest.mark.parametrize("path, title, description", [
    ("/title-only", "Just a title", ""),
    ("/meta-description", "Café", "Plain description"),
    ("/cp1252", "Café – menu", ""),
    ("/bare", "127.0.0.1", ""),
])
def test_fallbacks_without_open_graph(base, session, path, title, description):
    card = fetch_card(base + path, session=session)
    assert (card.title, card.description, card.site_name, card.image_url, card.image) == (title, description, "", "",
                                                                                           None)


def test_redirect_chain_and_its_limit(base, session):
    card = fetch_card(f"{base}/hop/5", session=session)
    assert (card.url, card.final_url, card.title) == (f"{base}/hop/5", f"{base}/title-only", "Just a title")
    error = fetch_error(f"{base}/hop/6", session=session)
    assert error.kind == "http" and "more than 5" in error.message
    assert fetch_error(f"{base}/to-ftp", session=session).kind == "invalid_url"


def test_404_is_an_http_error(base, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    error = fetch_error(f"{base}/missing")  # the default session
    assert (error.kind, error.message) == ("http", "The page answered 404 Not Found.")


@pytest.mark.parametrize("path", ["/silent", "/stall-body"])
def test_a_server_that_stops_answering_times_out(base, session, path):
    start = time.monotonic()
    error = fetch_error(base + path, session=session, timeout=(0.5, 0.5))
    assert error.kind == "timeout" and "127.0.0.1 did not answer within 0.5 seconds" in error.message
    assert time.monotonic() - start < 2


def test_a_dripping_server_hits_the_total_deadline(base, session):
    start = time.monotonic()
    error = fetch_error(f"{base}/drip", session=session, timeout=(0.5, 0.5))
    assert error.kind == "timeout" and "too slow" in error.message
    assert time.monotonic() - start < 2.5


@pytest.mark.parametrize("path", ["/endless-5gb", "/endless-chunked"])
def test_an_endless_page_is_read_only_up_to_the_limit(base, session, path):
    start = time.monotonic()
    card = fetch_card(base + path, session=session, max_html_bytes=300_000)
    assert card.title == "Endless"
    assert time.monotonic() - start < 2
    read = session.responses[0].raw.tell()
    assert 300_000 <= read <= 300_000 + CHUNK_BYTES


def test_reading_stops_at_the_end_of_the_head(base, session):
    assert fetch_card(f"{base}/head-then-endless", session=session).title == "Short"
    assert session.responses[0].raw.tell() <= 2 * CHUNK_BYTES


def test_a_file_that_is_not_html(base, session):
    card = fetch_card(f"{base}/files/report%20v2.pdf", session=session)
    assert (card.title, card.description, card.image) == ("report v2.pdf", "application/pdf", None)


def test_an_image_url_is_its_own_card_image(base, session):
    card = fetch_card(f"{base}/pic.png", session=session)
    assert (card.title, card.description, card.image, card.image_url) == ("pic.png", "image/png", PNG,
                                                                           f"{base}/pic.png")
    card = fetch_card(f"{base}/big.png", session=session, max_image_bytes=len(BIG_PNG) - 1)
    assert (card.title, card.image, card.image_url) == ("big.png", None, "")


def test_connection_refused_is_offline(session):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error = fetch_error(f"http://127.0.0.1:{port}/", session=session)
    assert error.kind == "offline" and "127.0.0.1" in error.message


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x", "http://", "not a url", "", "mailto:a@b.c",
                                 "data:text/html,<b>", "http://exa mple.com/", "https://-x-.com", "example"])
def test_invalid_urls(url):
    session = requests.Session()
    session.get = None  # must not even try
    assert fetch_error(url, session=session).kind == "invalid_url"


def test_normalize_url():
    assert normalize_url(" Example.COM ") == "https://example.com/"
    assert normalize_url("example.com:8080/a?b=1#top") == "https://example.com:8080/a?b=1"
    assert normalize_url("HTTP://127.0.0.1:5/x") == "http://127.0.0.1:5/x"
    assert normalize_url("//example.org/p") == "https://example.org/p"


@pytest.mark.parametrize("target, limit, image_read", [
    ("/big.png", 20_000, 0),  # Content-Length says too large: refused before reading
    ("/endless.png", 100_000, 100_001),  # no length, never ends: cut off at the limit
    ("/fake.png", 5_000_000, 25),  # not an image by its bytes
    ("/missing", 5_000_000, 0),
    ("data:image/png;base64,iVBORw0KGgo=", 5_000_000, None),  # not fetched
])
def test_a_bad_image_leaves_the_card_without_one(base, session, target, limit, image_read):
    start = time.monotonic()
    card = fetch_card(f"{base}/page/img?{target}", session=session, max_image_bytes=limit)
    assert (card.title, card.image) == ("T", None)
    assert time.monotonic() - start < 2
    assert [r.raw.tell() for r in session.responses[1:]] == ([] if image_read is None else [image_read])


def test_cancel_before_and_during_a_fetch(base, session):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        fetch_card(f"{base}/title-only", session=session, progress=progress)

    progress, outcome = Progress(), []

    def work():
        try:
            fetch_card(f"{base}/endless-chunked", session=session, progress=progress, max_html_bytes=10**12)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    time.sleep(0.3)
    progress.cancel()
    thread.join(2)
    assert not thread.is_alive() and len(outcome) == 1 and isinstance(outcome[0], Cancelled)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def card(url: str) -> CardData:
    return CardData(url, url, "t", "", "", "", None)


def test_cache_hits_by_normalised_url_and_expires():
    clock = Clock()
    cache = CardCache(clock=clock)
    cache.put("Example.com", card("https://example.com/"))
    assert cache.get("https://example.com/#x").title == "t"
    assert cache.get("https://other.example/") is None
    clock.now += 3599
    assert cache.get("example.com") is not None
    clock.now += 2
    assert cache.get("example.com") is None and len(cache) == 0


def test_cache_forgets_failures_after_a_minute(base, server, session):
    clock = Clock()
    cache = CardCache(clock=clock)
    for _ in range(3):
        with pytest.raises(LinkCardError, match="404"):
            cache.fetch(f"{base}/missing", session=session)
    asked = len(session.responses)
    assert asked == 1 and isinstance(cache.get(f"{base}/missing"), LinkCardError)
    clock.now += 59
    assert cache.get(f"{base}/missing") is not None
    clock.now += 2
    assert cache.get(f"{base}/missing") is None
    with pytest.raises(LinkCardError):
        cache.fetch(f"{base}/missing", session=session)
    assert len(session.responses) == 2
    first = cache.fetch(f"{base}/title-only", session=session)
    assert cache.fetch(f"{base}/title-only", session=session) is first and len(session.responses) == 3


def test_cache_evicts_the_least_recently_used():
    cache = CardCache(max_entries=3)
    for name in "abc":
        cache.put(f"{name}.example", card(name))
    assert cache.get("a.example") is not None  # a is now the most recent
    cache.put("d.example", card("d"))
    assert [cache.get(f"{n}.example") is not None for n in "abcd"] == [True, False, True, True]
    assert len(CardCache()._entries) == 0 and CardCache().max_entries == 64


def test_threads_share_a_cache():
    cache = CardCache(max_entries=50)

    def work(i):
        for j in range(200):
            cache.put(f"h{(i * 7 + j) % 80}.example", card(str(j)))
            cache.get(f"h{j % 80}.example")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 50


@pytest.mark.parametrize("text, link, expected", [
    ("Read https://a.com/x and b.org", "https://explicit.example/", "https://explicit.example/"),
    ("Read https://a.com/x and b.org", "  ", "https://a.com/x"),
    ("Read b.org, then https://a.com/x", "", "b.org"),
    ("new dates at example.com/tour!", "", "example.com/tour"),
    ("mail me: anna@example.com", "", None),
    ("see ftp://files.example.com/a", "", None),  # twitter-text takes no domain after another scheme
    ("no link here. really", "", None),
    ("", "", None),
])
def test_first_link(text, link, expected):
    assert first_link(text, link) == expected
    assert first_link(text) == (expected if not link.strip() else first_link(text, ""))
