"""Secrets in a real OS keyring (gnome-keyring's Secret Service on a private D-Bus session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
import keyring_daemon

from studio.credentials import SERVICE, CredentialError, KeyringCredentialStore, MemoryCredentialStore


def needs_daemon(test):
    """These tests run against the real daemons, which the setup installs: a missing one fails, never skips."""
    missing = keyring_daemon.available()
    if not missing:
        return test

    def failing(*args, **kwargs):
        pytest.fail(missing)

    failing.__name__ = test.__name__
    return failing


def secret_service_backend():
    from keyring.backends import SecretService

    return SecretService.Keyring()


@pytest.fixture
def keyring_env(monkeypatch):
    with keyring_daemon.secret_service() as env:
        for name in ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            monkeypatch.setenv(name, env[name])
        yield env


@needs_daemon
def test_secrets_round_trip_through_the_real_keyring(keyring_env):
    store = KeyringCredentialStore(secret_service_backend())
    assert "SecretService" in store.describe()
    secret = {"handle": "band.test", "app_password": "abcd-efgh-ijkl-mnop", "note": "Grüße 🎸"}
    store.set("bluesky:band.test", secret)
    assert store.get("bluesky:band.test") == secret
    # what another program sees: one JSON secret under the service "content-studio"
    seen = subprocess.run(["secret-tool", "lookup", "service", SERVICE, "username", "bluesky:band.test"],
                          capture_output=True, text=True, env=keyring_env, timeout=10)
    assert json.loads(seen.stdout) == secret
    store.set("bluesky:band.test", {"app_password": "new"})
    assert store.get("bluesky:band.test") == {"app_password": "new"}
    store.delete("bluesky:band.test")
    assert store.get("bluesky:band.test") is None
    store.delete("bluesky:band.test")  # deleting twice is not an error


@needs_daemon
def test_a_value_someone_else_stored_is_reported_as_damaged(keyring_env):
    subprocess.run(["secret-tool", "store", "--label=x", "service", SERVICE, "username", "odd"],
                   input="not json", text=True, env=keyring_env, check=True, timeout=10)
    with pytest.raises(CredentialError) as e:
        KeyringCredentialStore(secret_service_backend()).get("odd")
    assert e.value.kind == "damaged" and "not json" not in e.value.message


@needs_daemon
def test_a_locked_keyring_is_a_clear_error_and_the_secret_is_not_kept(monkeypatch):
    with keyring_daemon.secret_service(unlocked=False) as env:
        for name in ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            monkeypatch.setenv(name, env[name])
        store = KeyringCredentialStore(secret_service_backend())
        with pytest.raises(CredentialError) as e:
            store.set("mastodon:me", {"token": "s3cret-token"})
        assert e.value.kind == "locked"
        assert "s3cret-token" not in e.value.message and "Unlock" in e.value.message


def test_no_keyring_at_all_refuses_to_store(monkeypatch, tmp_path):
    from keyring.backends import fail

    monkeypatch.setenv("HOME", str(tmp_path))
    store = KeyringCredentialStore(fail.Keyring())
    with pytest.raises(CredentialError) as e:
        store.set("discord:hook", {"url": "https://discord.com/api/webhooks/1/secret-part"})
    assert e.value.kind == "no_keyring"
    assert "plain file" in e.value.message and "secret-part" not in e.value.message
    # nothing was written anywhere under HOME
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_an_unreachable_secret_service_is_no_keyring(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'nobody-listens'}")
    store = KeyringCredentialStore(secret_service_backend())
    with pytest.raises(CredentialError) as e:
        store.get("x:me")
    assert e.value.kind == "no_keyring" and "gnome-keyring" in e.value.message


def test_memory_store():
    store = MemoryCredentialStore()
    store.set("a", {"token": "t"})
    assert store.get("a") == {"token": "t"} and store.get("b") is None
    store.delete("a")
    store.delete("a")
    assert store.get("a") is None
