"""Connected accounts: the non-secret part in the library, the secret only in the keyring.

Adding an account stores the secret first: if the keyring refuses, nothing is saved anywhere and the user is
told what to install or unlock. Removing deletes both. Checking asks the network and records the state the
Accounts window shows: connected, needs re-authorisation, or unreachable.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import requests

from studio.core.account import Account, account_id
from studio.core.progress import Progress
from studio.credentials.store import CredentialError, CredentialStore
from studio.networks.clients.registry import PUBLISHABLE, client_for
from studio.networks.publishing import AuthExpired, Client, Connection, PublishError, Transient
from studio.store.library import Library

NETWORK_NAMES = {"bluesky": "Bluesky", "mastodon": "Mastodon", "telegram": "Telegram", "discord": "Discord"}


class AccountError(Exception):
    """An account cannot be found or used. `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Accounts:
    def __init__(self, library: Library, credentials: CredentialStore,
                 http: Callable[[], requests.Session] = requests.Session,
                 clients: Callable[[str, str], Client] = client_for):
        self.library, self.credentials, self._http, self._client = library, credentials, http, clients

    def client(self, account: Account) -> Client:
        return self._client(account.network, account.server if account.network == "telegram" else "")

    def list(self) -> list[Account]:
        return self.library.accounts()

    def find(self, ref: str) -> Account:
        """An account by id, or by handle when that is unambiguous ("alice.test", "@news")."""
        accounts = self.list()
        for a in accounts:
            if a.id == ref:
                return a
        wanted = ref.lower().lstrip("@")
        matches = [a for a in accounts if a.handle.lower().lstrip("@") == wanted]
        if len(matches) == 1:
            return matches[0]
        known = ", ".join(a.id for a in accounts) or "none yet; connect one with `studio accounts add`"
        if matches:
            raise AccountError(f"“{ref}” matches several accounts; use one of their ids: "
                               f"{', '.join(a.id for a in matches)}.")
        raise AccountError(f"There is no account “{ref}”. Accounts: {known}.")

    def add(self, network: str, values: dict[str, str], *, progress: Progress | None = None,
            open_browser: Callable[[str], None] | None = None, server: str = "") -> Account:
        """Connect an account (raises NotConnectable, PublishError or CredentialError; nothing is saved then).
        Connecting the same account again updates it in place."""
        if network not in PUBLISHABLE:
            raise AccountError(f"Content Studio cannot publish to “{network}” yet. It can publish to: "
                               f"{', '.join(NETWORK_NAMES[n] for n in PUBLISHABLE)}.")
        client = self._client(network, server)
        connected = client.connect(values, self._http(), progress=progress, open_browser=open_browser)
        account = connected.account
        if network == "telegram" and server:
            account.server = server
        existing = {a.id: a for a in self.list()}
        same = next((a for a in existing.values() if a.network == network and a.handle == account.handle
                     and a.server == account.server), None)
        account.id = same.id if same is not None else account_id(network, account.id.split("-", 1)[-1],
                                                                    set(existing))
        account.state, account.state_message, account.checked_at = "connected", "", time.time()
        self.credentials.set(account.id, connected.secret)  # first: if the keyring refuses, nothing is kept
        self.library.save_account(account)
        return account

    def remove(self, ref: str) -> Account:
        account = self.find(ref)
        self.credentials.delete(account.id)
        self.library.delete_account(account.id)
        return account

    def connection(self, account: Account, progress: Progress | None = None,
                   http: requests.Session | None = None) -> Connection:
        """The account with its secret from the keyring. Raises AuthExpired when the keyring has no sign-in for
        it (removed by hand, another computer), CredentialError when the keyring cannot be used. `http`: the
        session to send with (the queue runner's watches every request), else a new one."""
        secret = self.credentials.get(account.id)
        if secret is None:
            raise AuthExpired(f"The sign-in for {account.handle} is not in this computer's keyring. "
                              "Connect the account again.")

        def save(renewed: dict) -> None:
            self.credentials.set(account.id, renewed)

        return Connection(account, secret, http if http is not None else self._http(), save_secret=save,
                          progress=progress)

    def check(self, ref: str, progress: Progress | None = None) -> Account:
        """Ask the network whether the account still works, and record the answer."""
        account = self.find(ref)
        try:
            checked = self.client(account).check(self.connection(account, progress))
            checked.state, checked.state_message = "connected", ""
            account = checked
        except AuthExpired as e:
            account.state, account.state_message = "needs_reauth", e.message
        except CredentialError as e:
            account.state, account.state_message = "needs_reauth", e.message
        except Transient as e:
            account.state, account.state_message = "unreachable", e.message
        except PublishError as e:
            account.state, account.state_message = "unreachable", e.message
        account.checked_at = time.time()
        self.library.save_account(account)
        return account

    def mark(self, account: Account, state: str, message: str = "") -> None:
        account.state, account.state_message, account.checked_at = state, message, time.time()
        self.library.save_account(account)
