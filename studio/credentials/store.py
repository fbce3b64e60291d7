"""Account secrets, only ever in the operating system's keyring (DESIGN.md §8).

One JSON secret per account under the service "content-studio" (username = the account id). If no usable
keyring exists, the store says so clearly (what to install or unlock) and refuses to keep the secret anywhere
else: there is no plain-file fallback. Messages never contain the secret.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "content-studio"


class CredentialError(Exception):
    """kind: "no_keyring" (none installed or reachable), "locked" (the user must unlock it), "damaged" (the
    stored value is not ours), "failed" (anything else the keyring reported)."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.message = message
        self.kind = kind


def _install_hint() -> str:
    if sys.platform.startswith("linux"):
        return ("Install and start a Secret Service keyring (GNOME Keyring: the package gnome-keyring; or KDE "
                "Wallet), and make sure you are logged in to a desktop session.")
    if sys.platform == "darwin":
        return "The macOS Keychain could not be reached; log in to your user account's desktop session."
    return "Windows Credential Manager could not be reached; log in to your user account's desktop session."


class CredentialStore:
    """get/set/delete an account's secret (a dict of strings)."""

    def get(self, account_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def set(self, account_id: str, secret: dict[str, Any]) -> None:
        raise NotImplementedError

    def delete(self, account_id: str) -> None:
        raise NotImplementedError


class MemoryCredentialStore(CredentialStore):
    """For unit tests of code that needs credentials: nothing leaves the process."""

    def __init__(self) -> None:
        self._items: dict[str, str] = {}

    def get(self, account_id: str) -> dict[str, Any] | None:
        raw = self._items.get(account_id)
        return json.loads(raw) if raw is not None else None

    def set(self, account_id: str, secret: dict[str, Any]) -> None:
        self._items[account_id] = json.dumps(secret)

    def delete(self, account_id: str) -> None:
        self._items.pop(account_id, None)


class KeyringCredentialStore(CredentialStore):
    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE):
        self.backend = backend if backend is not None else keyring.get_keyring()
        self.service = service

    def describe(self) -> str:
        """Which keyring is in use, for the accounts window and diagnostics."""
        return f"{type(self.backend).__module__}.{type(self.backend).__name__}"

    def _error(self, e: Exception, doing: str) -> CredentialError:
        unreachable = isinstance(e, OSError) or "NotAvailable" in type(e).__name__  # no session bus / service
        if isinstance(e, keyring.errors.NoKeyringError) or unreachable or "fail" in type(self.backend).__module__:
            return CredentialError(f"No keyring is available to {doing}. {_install_hint()} Content Studio never "
                                   "stores account secrets in a plain file.", "no_keyring")
        if isinstance(e, keyring.errors.KeyringLocked | keyring.errors.InitError):
            return CredentialError(f"The keyring is locked, so Content Studio cannot {doing}. Unlock it (your "
                                   "login keyring usually unlocks with your password) and try again.", "locked")
        return CredentialError(f"The keyring refused to {doing}: {type(e).__name__}. Try again; if it keeps "
                               "failing, check your keyring application.", "failed")

    def get(self, account_id: str) -> dict[str, Any] | None:
        try:
            raw = self.backend.get_password(self.service, account_id)
        except Exception as e:  # every keyring failure becomes one clear error, without the secret
            raise self._error(e, "read the account's sign-in") from None
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise CredentialError("The sign-in stored for this account is not in the form Content Studio wrote. "
                                  "Connect the account again.", "damaged")
        return value

    def set(self, account_id: str, secret: dict[str, Any]) -> None:
        data = json.dumps(secret, ensure_ascii=False, separators=(",", ":"))
        try:
            self.backend.set_password(self.service, account_id, data)
        except Exception as e:
            raise self._error(e, "save the account's sign-in") from None

    def delete(self, account_id: str) -> None:
        try:
            self.backend.delete_password(self.service, account_id)
        except keyring.errors.PasswordDeleteError:
            return  # nothing stored: already deleted
        except Exception as e:
            raise self._error(e, "remove the account's sign-in") from None
