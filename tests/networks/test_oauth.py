"""PKCE and the loopback redirect (studio/networks/oauth.py), driven by a scripted browser (requests)."""

from __future__ import annotations

import base64
import hashlib
import re
import socket
import threading
import time

import pytest
import requests

from studio.core.progress import Cancelled, Progress
from studio.networks.oauth import LoopbackRedirect, new_state, pkce_challenge, pkce_pair
from studio.networks.publishing import NotConnectable


def browse(url: str, results: list) -> threading.Thread:
    """A browser following the redirect: records the page it ends on (or the error)."""
    def run() -> None:
        try:
            results.append(requests.get(url, timeout=5))
        except requests.RequestException as e:
            results.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_pkce_s256_matches_rfc7636_appendix_b():
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert pkce_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_pkce_pair_is_random_and_within_the_rfc_alphabet():
    v1, c1 = pkce_pair()
    v2, _ = pkce_pair()
    assert v1 != v2
    assert 43 <= len(v1) <= 128 and re.fullmatch(r"[A-Za-z0-9\-._~]+", v1)
    assert c1 == base64.urlsafe_b64encode(hashlib.sha256(v1.encode()).digest()).rstrip(b"=").decode()
    assert new_state() != new_state()


def test_listens_from_creation_on_127_0_0_1_and_returns_the_code():
    with LoopbackRedirect() as redirect:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/callback", redirect.redirect_uri)
        socket.create_connection(("127.0.0.1", redirect.port), timeout=1).close()  # already listening
        pages: list = []
        browse(f"{redirect.redirect_uri}?code=the-code&state=s1", pages)
        assert redirect.wait("s1", timeout=5) == "the-code"
    deadline = time.monotonic() + 5
    while not pages and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pages[0].status_code == 200 and "You can return to Content Studio" in pages[0].text
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", redirect.port), timeout=1)  # closed once wait returned


def test_other_paths_are_ignored_until_the_callback_comes():
    with LoopbackRedirect() as redirect:
        pages: list = []
        browse(f"http://127.0.0.1:{redirect.port}/favicon.ico", pages).join(0)
        browse(f"{redirect.redirect_uri}?state=s&code=c2", pages)
        assert redirect.wait("s", timeout=5) == "c2"


def test_denied_in_the_browser_is_a_clear_error():
    with LoopbackRedirect() as redirect:
        pages: list = []
        browse(f"{redirect.redirect_uri}?error=access_denied&error_description=denied&state=s", pages)
        with pytest.raises(NotConnectable, match="Access was not granted in the browser"):
            redirect.wait("s", timeout=5)
    deadline = time.monotonic() + 5
    while not pages and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pages[0].status_code == 400 and "You can close this tab" in pages[0].text


def test_other_server_errors_are_shown():
    with LoopbackRedirect() as redirect:
        browse(f"{redirect.redirect_uri}?error=invalid_scope&error_description=Bad+scope&state=s", [])
        with pytest.raises(NotConnectable, match="invalid_scope: Bad scope"):
            redirect.wait("s", timeout=5)


def test_a_wrong_state_is_refused_and_its_code_not_returned():
    with LoopbackRedirect() as redirect:
        browse(f"{redirect.redirect_uri}?code=stolen-code&state=forged", [])
        with pytest.raises(NotConnectable, match="state did not match") as raised:
            redirect.wait("expected", timeout=5)
    assert "stolen-code" not in str(raised.value)


def test_a_callback_without_code_is_an_error():
    with LoopbackRedirect() as redirect:
        browse(f"{redirect.redirect_uri}?state=s", [])
        with pytest.raises(NotConnectable, match="without an authorisation code"):
            redirect.wait("s", timeout=5)


def test_timeout_has_a_clear_message_and_closes_the_port():
    redirect = LoopbackRedirect()
    started = time.monotonic()
    with pytest.raises(NotConnectable, match=r"No answer came back from the browser within 0\.3 seconds"):
        redirect.wait("s", timeout=0.3)
    assert time.monotonic() - started < 2
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", redirect.port), timeout=1)


def test_cancel_stops_waiting():
    progress = Progress()
    threading.Timer(0.2, progress.cancel).start()
    started = time.monotonic()
    with LoopbackRedirect() as redirect, pytest.raises(Cancelled):
        redirect.wait("s", progress, timeout=10)
    assert time.monotonic() - started < 2


def test_garbage_on_the_port_does_not_stop_the_wait():
    with LoopbackRedirect() as redirect:
        with socket.create_connection(("127.0.0.1", redirect.port), timeout=1) as s:
            s.sendall(b"POST /callback HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        browse(f"{redirect.redirect_uri}?state=s&code=ok", [])
        assert redirect.wait("s", timeout=5) == "ok"
