"""HTTP for the network clients: one place that sends a request with timeouts, upload progress and cancel, and
turns what can go wrong on the wire into the typed errors of studio.networks.publishing.

Rules every client relies on:
- A failure before the request could have reached the server (refused, DNS, connect timeout) is `Transient`.
- A failure after it was sent (read timeout, reset, 502/504 from a proxy) is `OutcomeUnknown` unless the request
  is idempotent (an upload, a read, a write with an idempotency key or a fixed record key): then `Transient`.
- 429 is `RateLimited` with the wait the server asked for (Retry-After, RateLimit-Reset, X-RateLimit-Reset(-After),
  or a JSON `retry_after`).
- Messages name the service and host, never the URL (a Telegram bot token is part of its URLs) and never a
  header; exceptions are raised `from None` so no traceback carries a secret.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import time
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
import urllib3.exceptions

from studio.core.progress import Progress
from studio.networks.publishing import OutcomeUnknown, RateLimited, Rejected, Transient

USER_AGENT = "ContentStudio/0.1"
CHUNK = 64 * 1024


class ProgressBody:
    """A request body read in chunks: reports the share sent and stops the upload when the user cancels."""

    def __init__(self, data: bytes, progress: Progress | None, span: tuple[float, float] = (0.0, 1.0),
                 text: str = ""):
        self.data, self.progress, self.span, self.text = data, progress, span, text
        self.pos = 0

    def __len__(self) -> int:
        return len(self.data)

    def read(self, n: int = -1) -> bytes:
        if self.progress is not None:
            lo, hi = self.span
            self.progress.report(lo + (hi - lo) * (self.pos / max(1, len(self.data))), self.text)
        n = CHUNK if n is None or n < 0 else min(n, CHUNK)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk


def host_of(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the server"
    return parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else "the server"


def multipart(fields: list[tuple[str, Any]]) -> tuple[bytes, str]:
    """Encode form fields; a value is a str or (filename, bytes, mime). Returns (body, content type)."""
    return urllib3.encode_multipart_formdata(fields)


def seconds(value: float) -> str:
    value = max(0.0, value)
    text = f"{round(value)}" if value >= 1 else f"{value:.1f}"
    return "1 second" if text == "1" else f"{text} seconds"


def retry_after(response: requests.Response, body: Any = None) -> float | None:
    """How long the server asks us to wait, in seconds, from the headers networks use (or a JSON body)."""
    h = response.headers
    for name in ("Retry-After", "X-RateLimit-Reset-After", "RateLimit-Reset"):
        value = h.get(name)
        if value:
            try:
                number = float(value)
            except ValueError:
                when = email.utils.parsedate_to_datetime(value) if name == "Retry-After" else None
                if when is not None:
                    return max(0.0, when.timestamp() - time.time())
                continue
            # RateLimit-Reset is "delta seconds" in the IETF draft, but Bluesky sends an epoch timestamp
            return max(0.0, number - time.time()) if number > 1e9 else max(0.0, number)
    value = h.get("X-RateLimit-Reset")
    if value:
        try:
            number = float(value)
            return max(0.0, number - time.time()) if number > 1e9 else max(0.0, number)
        except ValueError:
            try:  # Mastodon: an ISO 8601 timestamp
                return max(0.0, datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() - time.time())
            except ValueError:
                pass
    if isinstance(body, dict):
        for holder in (body, body.get("parameters") if isinstance(body.get("parameters"), dict) else {}):
            value = holder.get("retry_after")
            if isinstance(value, int | float) and not isinstance(value, bool):
                return max(0.0, float(value))
    return None


def json_body(response: requests.Response) -> Any:
    """The parsed JSON body, or None when it is not JSON (an HTML error page, an empty body)."""
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def describe_status(response: requests.Response) -> str:
    try:
        phrase = http.client.responses.get(response.status_code, "")
    except Exception:
        phrase = ""
    return f"{response.status_code} {phrase}".strip()


class Api:
    """Sends requests for one service ("Bluesky", "Mastodon") and maps transport failures to typed errors."""

    def __init__(self, service: str, http_session: requests.Session, *, progress: Progress | None = None,
                 timeout: tuple[float, float] = (5.0, 30.0)):
        self.service, self.http, self.progress, self.timeout = service, http_session, progress, timeout

    def send(self, method: str, url: str, *, idempotent: bool, headers: dict[str, str] | None = None,
             params: dict | None = None, json_data: Any = None, data: bytes | dict | None = None,
             content_type: str | None = None, upload_span: tuple[float, float] | None = None,
             upload_text: str = "", timeout: tuple[float, float] | None = None) -> requests.Response:
        """One request. Returns the response whatever its status (the caller maps the network's own errors,
        then calls `raise_common`). Raises Transient, OutcomeUnknown or Cancelled."""
        if self.progress is not None:
            self.progress.check()
        all_headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        all_headers.update(headers or {})
        body: Any = data
        if json_data is not None:
            body = json.dumps(json_data, ensure_ascii=False).encode()
            content_type = content_type or "application/json"
        if content_type:
            all_headers["Content-Type"] = content_type
        if isinstance(body, bytes) and upload_span is not None:
            body = ProgressBody(body, self.progress, upload_span, upload_text)
        host = host_of(url)
        wait = timeout or self.timeout
        try:
            response = self.http.request(method, url, headers=all_headers, params=params, data=body, timeout=wait,
                                         allow_redirects=False)
        except requests.exceptions.ConnectTimeout:
            raise Transient(f"{self.service} ({host}) did not accept a connection within {seconds(wait[0])}. "
                            "Check the internet connection; Content Studio will try again.") from None
        except requests.exceptions.SSLError:
            raise Transient(f"The secure connection to {host} failed (certificate or encryption problem).") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema, urllib3.exceptions.LocationParseError):
            raise Rejected(f"“{host}” is not a valid server address for {self.service}.") from None
        except (requests.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as e:
            if _never_sent(e):
                raise Transient(f"Could not connect to {self.service} ({host}). Check the internet connection and "
                                "the server address; Content Studio will try again.") from None
            if idempotent:
                raise Transient(f"The connection to {self.service} ({host}) broke off before it answered. "
                                "Nothing was published; Content Studio will try again.") from None
            what = "did not answer in time" if isinstance(e, requests.Timeout | TimeoutError) \
                else "closed the connection without an answer"
            raise OutcomeUnknown(f"{self.service} ({host}) {what} after the post was sent, so it may or may not "
                                 "have been published. Check the account before publishing again.") from None
        if self.progress is not None and upload_span is not None:
            self.progress.report(upload_span[1], upload_text)
        return response

    def raise_common(self, response: requests.Response, *, idempotent: bool, body: Any = None,
                     message: str = "") -> None:
        """For a response that is not a success and was not mapped by the client: the usual meanings."""
        status, host = response.status_code, host_of(response.url or "")
        body = json_body(response) if body is None else body
        said = f": {message}" if message else ""
        if status == 429:
            wait = retry_after(response, body)
            when = f" Try again in {seconds(wait)}." if wait is not None else " Try again later."
            raise RateLimited(f"{self.service} is limiting how fast this account may post{said}.{when}", wait)
        if status in (502, 504) and not idempotent:
            raise OutcomeUnknown(f"{self.service} ({host}) answered {describe_status(response)} from a gateway after "
                                 "the post was sent, so it may or may not have been published. Check the account "
                                 "before publishing again.")
        if status >= 500:
            page = " with a web page instead of its API's answer" if body is None and response.content else ""
            raise Transient(f"{self.service} ({host}) answered {describe_status(response)}{page}{said}. "
                            "Content Studio will try again later.")
        if body is None and response.content:
            raise Rejected(f"{host} answered {describe_status(response)} with a web page, not the {self.service} API. "
                           "Check the server address.")
        raise Rejected(f"{self.service} refused it ({describe_status(response)}){said or '.'}")


def _never_sent(error: BaseException) -> bool:
    """True when the request cannot have reached the server: refused, DNS failure, connect timeout."""
    seen: set[int] = set()
    e: BaseException | None = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, urllib3.exceptions.NewConnectionError | urllib3.exceptions.NameResolutionError
                      | urllib3.exceptions.ConnectTimeoutError | ConnectionRefusedError):
            return True
        if isinstance(e, urllib3.exceptions.MaxRetryError):
            e = e.reason
            continue
        nxt = e.args[0] if e.args and isinstance(e.args[0], BaseException) else None
        e = nxt or e.__cause__ or e.__context__
    return False


