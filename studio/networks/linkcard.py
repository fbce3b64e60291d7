"""Link cards: the title, description and image a network shows for a link (Open Graph), fetched headless.

Plain Python and `requests`, no Qt: the UI runs `fetch_card` on its task runner and keeps results in a `CardCache`.
Safe against hostile or broken links: only http(s) URLs with a valid host; at most 5 redirects, each one checked;
a connect and a read timeout plus a total deadline (a server that drips one byte a second cannot hold us); at most
`max_html_bytes` of a page and `max_image_bytes` of an image are read, however large the response claims or
turns out to be; images must be images by their magic bytes. Every failure is a `LinkCardError` with a `kind`.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass
from html.parser import HTMLParser
from http import HTTPStatus
from itertools import chain
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import requests
import urllib3.exceptions

from studio.core.progress import Progress
from studio.networks.text.twitter import extract_urls_with_indices

USER_AGENT = "ContentStudio/0.1 (+link preview)"
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024  # largest piece read at once; a fetch never reads past its limit
ERROR_KINDS = ("offline", "timeout", "http", "not_html", "too_large", "invalid_url")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TITLE_MAX, _DESCRIPTION_MAX = 300, 1000


class LinkCardError(Exception):
    """A link card could not be made. `message` is for the user; `kind` is one of ERROR_KINDS."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.message, self.kind = message, kind


@dataclass
class CardData:
    url: str  # the normalised URL asked for
    final_url: str  # after redirects
    title: str
    description: str
    site_name: str
    image_url: str  # "" when the page names no image
    image: bytes | None  # the image file's bytes (PNG, JPEG, GIF, WebP, …); None if missing, too large or broken


# --- URLs ------------------------------------------------------------------------------------------------------------

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.IGNORECASE)


def _valid_host(host: str, bare: bool) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])  # IPv4, or IPv6 (urlsplit took off the brackets)
        return True
    except ValueError:
        pass
    try:
        labels = host.rstrip(".").encode("idna").decode("ascii").lower().split(".")
    except UnicodeError:
        return False
    if len(".".join(labels)) > 253 or not all(_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        return False  # also "1.2.3" or "999.1.1.1": neither an address nor a name
    return not bare or len(labels) > 1 or labels == ["localhost"]


def normalize_url(url: str) -> str:
    """`url` as fetched and cached: scheme and host lower-case, https:// added to a bare domain, no fragment.

    Raises LinkCardError(kind="invalid_url") for other schemes ("javascript:", "ftp:", "mailto:") and bad hosts."""
    text, bare = url.strip(), False
    scheme = _SCHEME.match(text)
    if text.startswith("//"):
        text = "https:" + text
    elif not (scheme and text[scheme.end():].startswith("//")):
        if scheme and not re.match(r"\d+(?:[/?#]|$)", text[scheme.end():]):  # "host:8080/x" has a port, no scheme
            raise LinkCardError(f"“{_short(text)}” is not a web address (only http and https links get a card).",
                                "invalid_url")
        text, bare = "https://" + text, True
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise LinkCardError(f"“{_short(url.strip())}” is not a valid web address.", "invalid_url") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise LinkCardError(f"“{_short(url.strip())}” is not a web address (only http and https links get a card).",
                            "invalid_url")
    host = parts.hostname or ""
    if not _valid_host(host, bare):
        raise LinkCardError(f"“{_short(url.strip())}” is not a valid web address.", "invalid_url")
    netloc = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    netloc += f"[{host}]" if ":" in host else host.lower()
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def first_link(text: str, link: str = "") -> str | None:
    """The URL a network makes a card of: the post's explicit `link`, else the first URL in `text` (bare domains
    such as "example.com/x" included, as X and most networks link them)."""
    if link.strip():
        return link.strip()
    urls = extract_urls_with_indices(text or "")
    return urls[0].url if urls else None


# --- HTTP -----------------------------------------------------------------------------------------------------------

class _Fetch:
    """One GET with manual redirects (each target checked), timeouts and a total deadline, mapped errors."""

    def __init__(self, session: requests.Session, timeout: tuple[float, float], progress: Progress | None):
        self.session, self.timeout, self.progress = session, timeout, progress
        self.started = self.deadline = 0.0

    def check(self) -> None:
        if self.progress is not None:
            self.progress.check()

    def open(self, url: str, accept: str) -> requests.Response:
        self.started = time.monotonic()
        self.deadline = self.started + self.timeout[0] + 2 * self.timeout[1]
        headers = {"User-Agent": USER_AGENT, "Accept": accept}
        for _ in range(MAX_REDIRECTS + 1):
            self.check()
            with self.errors(url):
                response = self.session.get(url, headers=headers, stream=True, timeout=self.timeout,
                                            allow_redirects=False)
            target = self.session.get_redirect_target(response) if response.is_redirect else None
            if target is None:
                if response.status_code >= 300:
                    response.close()
                    raise LinkCardError(f"The page answered {_status(response)}.", "http")
                return response
            response.close()
            try:
                url = normalize_url(urljoin(response.url, target))
            except LinkCardError:
                raise LinkCardError(f"{_host(url)} redirected to “{_short(target)}”, which is not a web page.",
                                    "invalid_url") from None
        raise LinkCardError(f"The link redirected more than {MAX_REDIRECTS} times.", "http")

    def read(self, response: requests.Response, limit: int):
        """Yields the body as it arrives until `limit` bytes (decoded) have been read or the body ends.

        `read1` returns whatever has arrived (`iter_content` would block until a whole chunk is there), so the total
        deadline is checked after each piece: a server dripping a byte at a time cannot hold the fetch for long."""
        total, raw = 0, response.raw
        pieces = None if hasattr(raw, "read1") else response.iter_content(CHUNK_BYTES)  # urllib3 < 2.3: no read1
        with self.errors(response.url):
            while total < limit:
                self.check()
                chunk = raw.read1(min(CHUNK_BYTES, limit - total), decode_content=True) if pieces is None \
                    else next(pieces, b"")
                if not chunk:
                    return
                if time.monotonic() > self.deadline:
                    raise LinkCardError(f"{_host(response.url)} is too slow: it did not send the page within "
                                        f"{_seconds(self.deadline - self.started)}.", "timeout")
                total += len(chunk)
                yield chunk

    def errors(self, url: str):
        return _mapped(_host(url), self.timeout)


def _seconds(value: float) -> str:
    text = f"{round(value)}" if value >= 1 else f"{value:g}"
    return f"{text} second" if text == "1" else f"{text} seconds"


@contextmanager
def _mapped(host: str, timeout: tuple[float, float]):
    """Turns requests', urllib3's and the socket's exceptions into LinkCardError (Cancelled passes through)."""
    try:
        yield
    except (requests.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as error:
        raise _translate(error, host, timeout) from error


def _translate(error: Exception, host: str, timeout: tuple[float, float]) -> LinkCardError:
    inner = error.args[0] if isinstance(error, requests.ConnectionError) and error.args else None
    reason = getattr(inner, "reason", None)
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return LinkCardError(f"{host} did not answer within {_seconds(timeout[0])}.", "timeout")
    if isinstance(error, requests.Timeout | TimeoutError | urllib3.exceptions.TimeoutError) \
            or isinstance(inner, urllib3.exceptions.TimeoutError):
        return LinkCardError(f"{host} did not answer within {_seconds(timeout[1])}.", "timeout")
    if isinstance(error, requests.exceptions.SSLError):
        return LinkCardError(f"The secure connection to {host} failed (certificate or encryption problem).", "http")
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema
                  | requests.exceptions.MissingSchema | urllib3.exceptions.LocationParseError):
        return LinkCardError(f"“{host}” is not a valid web address.", "invalid_url")
    if isinstance(reason, urllib3.exceptions.NameResolutionError):
        return LinkCardError(f"{host} could not be found. Check the address and the internet connection.", "offline")
    if isinstance(error, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError
                  | http.client.HTTPException | urllib3.exceptions.ProtocolError) \
            or isinstance(inner, urllib3.exceptions.ProtocolError):
        return LinkCardError(f"{host} sent a broken answer or closed the connection.", "http")
    if isinstance(error, requests.ConnectionError | OSError):
        return LinkCardError(f"Could not connect to {host}. Check the internet connection.", "offline")
    return LinkCardError(f"Could not load {host} ({error.__class__.__name__}).", "http")


def _status(response: requests.Response) -> str:
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = response.reason or ""
    return f"{response.status_code} {phrase}".strip()


def _content_type(response: requests.Response) -> tuple[str, str]:
    """(media type, charset) from the Content-Type header, lower-case; ("", "") when missing."""
    media, _, params = (response.headers.get("Content-Type") or "").partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    return media.strip().lower(), (charset.group(1).lower() if charset else "")


_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
          (b"BM", "bmp"))
_FTYP = {b"avif": "avif", b"avis": "avif", b"heic": "heic", b"heix": "heic", b"mif1": "heic", b"msf1": "heic"}


def image_type(data: bytes) -> str | None:
    """The image format by magic bytes ("png", "jpeg", "gif", "webp", "avif", "heic", "bmp"), None if no image."""
    if data[4:8] == b"ftyp":
        return _FTYP.get(data[8:12])
    if data[:4] == b"RIFF":
        return "webp" if data[8:12] == b"WEBP" else None
    return next((name for magic, name in _MAGIC if data.startswith(magic)), None)


# --- HTML ------------------------------------------------------------------------------------------------------------

_META_KEYS = ("og:title", "og:description", "og:site_name", "og:image", "og:image:url", "og:image:secure_url",
              "twitter:title", "twitter:description", "twitter:image", "twitter:image:src", "description")


class _HeadParser(HTMLParser):
    """Collects <title> and the meta tags of _META_KEYS (first of each wins) until </head> or <body>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or "").strip().lower()
            if key in _META_KEYS and a.get("content", "").strip():
                self.meta.setdefault(key, a["content"])
        elif tag == "title":
            self.in_title = True
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data):
        if self.in_title and not self.done and sum(map(len, self.title_parts)) < 4 * _TITLE_MAX:
            self.title_parts.append(data)


def _clean(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _encoding(declared: str, head: bytes) -> str:
    """The charset to decode with: a BOM, the header's, a <meta charset> in the first bytes, else UTF-8."""
    found = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", head[:4096], re.IGNORECASE)
    for name in ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "", declared,
                 found.group(1).decode("ascii") if found else ""):
        with suppress(LookupError):
            if name and not codecs.lookup(name).name.startswith(("utf-16", "utf-32")):  # read as ASCII: can't be
                return name
    return "utf-8"


def _parse_head(fetch: _Fetch, response: requests.Response, charset: str, limit: int) -> _HeadParser:
    """Feeds the page to a _HeadParser as it arrives, until </head>; the charset is chosen on the first 1 kB."""
    parser, decoder, pending = _HeadParser(), None, b""
    for chunk in chain(fetch.read(response, limit), [b""]):  # b"": the end, to flush what is pending
        if decoder is None:
            pending += chunk
            if len(pending) < 1024 and chunk:
                continue
            decoder = codecs.getincrementaldecoder(_encoding(charset, pending))(errors="replace")
            chunk = pending
        try:
            parser.feed(decoder.decode(chunk, final=not chunk))
        except Exception:  # html.parser has raised on some malformed markup: keep what was found so far
            break
        if parser.done or not chunk:
            break
    return parser


# --- the card --------------------------------------------------------------------------------------------------------

def fetch_card(url: str, *, session: requests.Session | None = None, timeout: tuple[float, float] = (3.05, 5),
               max_html_bytes: int = 1_000_000, max_image_bytes: int = 5_000_000,
               progress: Progress | None = None) -> CardData:
    """Fetches the link card of `url`. Raises LinkCardError, or studio.core.progress.Cancelled when cancelled.

    A page without Open Graph tags is no error: its <title> (else its host) becomes the title. A failed, too large
    or broken image leaves `image` None; the card is still returned."""
    if progress is not None:
        progress.check()
    url = normalize_url(url)
    with requests.Session() if session is None else nullcontext(session) as http_session:
        fetch = _Fetch(http_session, (float(timeout[0]), float(timeout[1])), progress)
        return _card(fetch, url, max_html_bytes, max_image_bytes)


def _card(fetch: _Fetch, url: str, max_html: int, max_image: int) -> CardData:
    response = fetch.open(url, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
    final = response.url or url
    with response:
        media, charset = _content_type(response)
        if media not in _HTML_TYPES:
            name = unquote(urlsplit(final).path.rstrip("/").rsplit("/", 1)[-1]) or _host(final)
            card = CardData(url, final, _clean(name, _TITLE_MAX), media or "unknown type", "", "", None)
            if media.startswith("image/"):
                card.image = _read_image(fetch, response, max_image)
                card.image_url = final if card.image is not None else ""
            return card
        parser = _parse_head(fetch, response, charset, max_html)
    meta = parser.meta

    def pick(*keys: str) -> str:
        return next((meta[k] for k in keys if meta.get(k, "").strip()), "")

    title = _clean(pick("og:title", "twitter:title") or "".join(parser.title_parts), _TITLE_MAX) or _host(final)
    description = _clean(pick("og:description", "twitter:description", "description"), _DESCRIPTION_MAX)
    card = CardData(url, final, title, description, _clean(pick("og:site_name"), _TITLE_MAX), "", None)
    raw_image = pick("og:image", "og:image:secure_url", "og:image:url", "twitter:image", "twitter:image:src").strip()
    if raw_image:
        try:
            card.image_url = normalize_url(urljoin(final, raw_image))
        except LinkCardError:
            return card  # a data: or javascript: image: no image
        card.image = _fetch_image(fetch, card.image_url, max_image)
    return card


def _fetch_image(fetch: _Fetch, url: str, limit: int) -> bytes | None:
    """The image at `url`, or None if it fails, is too large or is no image (Cancelled still propagates)."""
    try:
        with fetch.open(url, "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8") as response:
            return _read_image(fetch, response, limit)
    except LinkCardError:
        return None


def _read_image(fetch: _Fetch, response: requests.Response, limit: int) -> bytes | None:
    """The body if it is an image of at most `limit` bytes; reads at most limit + 1 bytes."""
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        return None
    data = b"".join(fetch.read(response, limit + 1))
    return data if len(data) <= limit and image_type(data[:32]) else None


# --- the cache -------------------------------------------------------------------------------------------------------

class CardCache:
    """Recent cards by normalised URL: thread-safe, LRU, cards kept `ttl` seconds and failures (LinkCardError)
    `failure_ttl` seconds, so a dead link is not asked again at every keystroke."""

    def __init__(self, max_entries: int = 64, ttl: float = 3600.0, failure_ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.max_entries, self.ttl, self.failure_ttl, self.clock = max_entries, ttl, failure_ttl, clock
        self._entries: OrderedDict[str, tuple[float, CardData | LinkCardError]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(url: str) -> str:
        """The normalised URL; an invalid one as written (its cached failure is found again all the same)."""
        try:
            return normalize_url(url)
        except LinkCardError:
            return url.strip()

    def get(self, url: str) -> CardData | LinkCardError | None:
        """The cached card or failure of `url`, None when not cached or expired."""
        key = self.key(url)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self.clock() >= entry[0]:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, url: str, card_or_error: CardData | LinkCardError) -> None:
        ttl = self.failure_ttl if isinstance(card_or_error, LinkCardError) else self.ttl
        key = self.key(url)
        with self._lock:
            self._entries[key] = (self.clock() + ttl, card_or_error)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def fetch(self, url: str, **kwargs) -> CardData:
        """The cached card of `url`, else `fetch_card(url, **kwargs)`, remembered; a cached failure is raised again.
        Two threads asking at once for an uncached URL may both fetch it (the later result is kept)."""
        found = self.get(url)
        if isinstance(found, LinkCardError):
            raise LinkCardError(found.message, found.kind)
        if found is not None:
            return found
        try:
            card = fetch_card(url, **kwargs)
        except LinkCardError as error:
            self.put(url, error)
            raise
        self.put(url, card)
        return card

    def __len__(self) -> int:
        return len(self._entries)
