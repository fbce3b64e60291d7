"""OAuth 2 for desktop apps, in plain Python: PKCE (RFC 7636, S256 only) and the loopback redirect (RFC 8252 §7.3).

The flow a client runs:

    with LoopbackRedirect() as redirect:          # listening from here on, so its address can be registered first
        register the app with redirect.redirect_uri
        verifier, challenge = pkce_pair(); state = new_state()
        open_browser(authorize URL with challenge, "S256" and state)
        code = redirect.wait(state, progress, timeout)   # the browser comes back to 127.0.0.1:PORT/callback
        exchange code + verifier at the token endpoint

The redirect listens on 127.0.0.1 only (not "localhost", which may resolve to ::1 where nothing listens) and answers
the browser with a small page telling the user to go back to the app. No Qt here: the UI runs `wait` in its task
runner and cancels it through `Progress`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import socket
import time
from urllib.parse import parse_qs, urlsplit

from studio.core.progress import Progress
from studio.networks.publishing import NotConnectable

MAX_REQUEST = 64 * 1024  # a callback request is a few hundred bytes; anything larger is not ours
_TICK = 0.1  # how often `wait` looks at the cancel flag


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, code_challenge) for S256: 86 random URL-safe characters (43..128 allowed) and the
    unpadded base64url SHA-256 of them. The verifier never leaves this process until the token exchange."""
    verifier = secrets.token_urlsafe(64)
    return verifier, pkce_challenge(verifier)


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_state() -> str:
    """An unguessable `state`: the answer that comes back must carry it, so no other page can inject a code."""
    return secrets.token_urlsafe(24)


class LoopbackRedirect:
    """A one-shot HTTP listener on 127.0.0.1 for the authorisation answer. It listens from creation until `wait`
    returns (or `close`), so the redirect URI can be registered with the server before the browser opens."""

    def __init__(self, path: str = "/callback", app_name: str = "Content Studio"):
        self.path, self.app_name = path, app_name
        self._sock: socket.socket | None = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(_TICK)
        self.port = self._sock.getsockname()[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> LoopbackRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def wait(self, state: str, progress: Progress | None = None, timeout: float = 300.0) -> str:
        """The authorisation code from the browser's redirect. Raises NotConnectable when the user refused, the
        state does not match or no answer came within `timeout` seconds; Cancelled when `progress` is cancelled."""
        if self._sock is None:
            raise RuntimeError("the loopback redirect is closed")
        deadline = time.monotonic() + timeout
        try:
            while True:
                if progress is not None:
                    progress.check()
                if time.monotonic() >= deadline:
                    raise NotConnectable(f"No answer came back from the browser within {_minutes(timeout)}. "
                                         f"Try connecting again, and approve {self.app_name} in the browser.")
                try:
                    client, _ = self._sock.accept()
                except TimeoutError:
                    continue
                with client:
                    code = self._answer(client, state)
                if code is not None:
                    return code
        finally:
            self.close()

    def _answer(self, client: socket.socket, state: str) -> str | None:
        """Handle one browser request: the code if it is the callback, None for anything else (a favicon)."""
        target = _read_target(client)
        if target is None:
            return None
        parts = urlsplit(target)
        if parts.path != self.path:
            _respond(client, 404, "Not found", "This address belongs to a sign-in that is not waiting for it.")
            return None
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        try:
            code = _code_from(query, state)
        except NotConnectable as e:
            _respond(client, 400, f"{self.app_name} was not connected", e.message + " You can close this tab.")
            raise
        _respond(client, 200, "Signed in", f"You can return to {self.app_name} now and close this tab.")
        return code


def _code_from(query: dict[str, str], state: str) -> str:
    if not secrets.compare_digest(query.get("state", ""), state):
        raise NotConnectable("The answer from the browser did not belong to this sign-in (its state did not "
                             "match), so it was ignored. Try connecting again.")
    error = query.get("error", "")
    if error == "access_denied":
        raise NotConnectable("Access was not granted in the browser, so the account was not connected. "
                             "Connect it again and choose to authorise.")
    if error:
        said = query.get("error_description", "").strip()
        raise NotConnectable(f"The server refused the sign-in ({error}{': ' + said if said else ''}). "
                             "Try connecting again.")
    code = query.get("code", "")
    if not code:
        raise NotConnectable("The browser came back without an authorisation code. Try connecting again.")
    return code


def _read_target(client: socket.socket) -> str | None:
    """The request target of a GET ("/callback?code=..."), or None when it is not a readable HTTP request."""
    client.settimeout(5.0)
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < MAX_REQUEST:
            chunk = client.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        return None
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    method, _, rest = line.partition(" ")
    target = rest.rpartition(" ")[0]
    if method != "GET" or not target.startswith("/"):
        try:
            _respond(client, 405, "Not allowed", "Only the browser's sign-in answer is expected here.")
        except OSError:
            pass
        return None
    return target


def _respond(client: socket.socket, status: int, title: str, text: str) -> None:
    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            "<body style='font-family: sans-serif; margin: 4em auto; max-width: 32em'>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>").encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n").encode()
    try:
        client.sendall(head + body)
    except OSError:
        pass  # the browser went away; the code (if any) is still good


def _minutes(seconds: float) -> str:
    if seconds >= 90:
        return f"{round(seconds / 60)} minutes"
    value = round(seconds, 1) if seconds < 10 else round(seconds)
    return f"{value:g} second" + ("" if value == 1 else "s")
