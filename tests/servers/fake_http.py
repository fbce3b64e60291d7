"""A small base for the local fakes of networks that have no self-hostable server (Mastodon, Telegram, Discord).

Each fake is a `FakeServer` subclass with a `route(request) -> Reply` method; it runs a ThreadingHTTPServer on
127.0.0.1 on a free port in a background thread. Tests inject faults that the real services produce:

    server.fail("POST", "/api/v1/statuses", status=500)                 # one 500, then normal again
    server.fail("POST", "/api/v1/statuses", status=502, html=True)       # an HTML error page
    server.fail("POST", "/api/v1/statuses", action="hang_after")         # handled, but no answer ever comes
    server.fail("POST", "/api/v2/media", action="reset")                 # connection closed before any answer
    server.fail("POST", "/api/v1/statuses", status=429, headers={"Retry-After": "3"}, times=2)

`requests` holds every request seen (method, path, headers, body) for assertions.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)

    def multipart(self) -> dict[str, list[tuple[str | None, bytes, str]]]:
        """name -> [(filename, bytes, content type)] of a multipart/form-data body."""
        ctype = self.headers.get("content-type", "")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {ctype}\r\n\r\n".encode() + self.body)
        out: dict[str, list[tuple[str | None, bytes, str]]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            out.setdefault(name, []).append((part.get_filename(), part.get_payload(decode=True) or b"",
                                             part.get_content_type()))
        return out

    def params(self) -> dict[str, Any]:
        """Parameters from the query, a form, a multipart form (text fields) or a JSON object, last wins."""
        values: dict[str, Any] = {k: v[-1] for k, v in self.query.items()}
        ctype = self.headers.get("content-type", "")
        if ctype.startswith("application/json"):
            data = self.json()
            if isinstance(data, dict):
                values.update(data)
        elif ctype.startswith("application/x-www-form-urlencoded"):
            values.update({k: (v if k.endswith("[]") else v[-1]) for k, v in self.form().items()})
        elif ctype.startswith("multipart/form-data"):
            for name, items in self.multipart().items():
                texts = [d.decode() for f, d, _ in items if f is None]
                if texts:
                    values[name] = texts if name.endswith("[]") else texts[-1]
        return values


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict/list -> JSON; bytes/str -> as is
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None


@dataclass
class _Fault:
    method: str
    path: str
    times: int
    status: int
    html: bool
    body: Any
    headers: dict[str, str]
    action: str  # "reply" | "hang_after" | "hang_before" | "reset"


class FakeServer:
    """Override `route`. Start with `with MyFake() as server:`; `server.url` is the base URL."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._faults: list[_Fault] = []
        self._lock = threading.RLock()
        self._release = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self.url = ""

    # --- to override ---
    def route(self, request: Request) -> Reply:
        return Reply(404, {"error": "Not found"})

    # --- faults ---
    def fail(self, method: str, path: str, *, status: int = 500, html: bool = False, body: Any = None,
             headers: dict[str, str] | None = None, action: str = "reply", times: int = 1) -> None:
        """The next `times` requests matching method and path prefix fail this way. `hang_after` runs the
        request normally, then never answers (until the server stops); `hang_before` never answers and does
        nothing; `reset` closes the connection without answering (the request is not handled)."""
        with self._lock:
            self._faults.append(_Fault(method.upper(), path, times, status, html, body, headers or {}, action))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, request: Request) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method == request.method and request.path.startswith(fault.path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # --- running ---
    def __enter__(self) -> FakeServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(self.command, parts.path, parse_qs(parts.query, keep_blank_values=True),
                                  {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(request)
                fault = server._take_fault(request)
                if fault is not None and fault.action == "reset":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault is not None and fault.action in ("hang_after", "hang_before"):
                    if fault.action == "hang_after":
                        server.route(request)
                    server._release.wait()
                    self.close_connection = True
                    return
                if fault is not None:
                    if fault.html:
                        reply = Reply(fault.status, f"<html><body><h1>{fault.status} Error</h1></body></html>",
                                      fault.headers, "text/html; charset=utf-8")
                    else:
                        reply = Reply(fault.status, fault.body if fault.body is not None else {"error": "fault"},
                                      fault.headers)
                else:
                    try:
                        reply = server.route(request)
                    except Exception as e:  # a bug in the fake: answer 500 and keep the message visible
                        reply = Reply(500, {"error": f"fake server bug: {type(e).__name__}: {e}"})
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                body = reply.body
                ctype = reply.content_type
                if isinstance(body, dict | list):
                    body, ctype = json.dumps(body).encode(), ctype or "application/json; charset=utf-8"
                elif isinstance(body, str):
                    body, ctype = body.encode(), ctype or "text/plain; charset=utf-8"
                elif body is None:
                    body = b""
                self.send_response(reply.status)
                if ctype and body:
                    self.send_header("Content-Type", ctype)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def wait_for(self, predicate, timeout: float = 5.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            time.sleep(0.01)
        return False
