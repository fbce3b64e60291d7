"""A publishing client that answers from a script, for tests of the layers above the clients (the account
service, publish now, the windows). The real clients are tested against the PDS and the local fakes."""

from __future__ import annotations

import threading

from studio.core.account import Account
from studio.networks.publishing import Client, Connected, NotConnectable, Prepared, Receipt


class Scripted(Client):
    """Answers publish() from a list of outcomes: an exception to raise or a URL to return."""

    network = "bluesky"
    can_find_published = True

    def __init__(self, outcomes=(), found=None):
        self.outcomes, self.found, self.sent = list(outcomes), found, []
        self.hold: threading.Event | None = None

    def connect(self, values, http, *, progress=None, open_browser=None):
        if values.get("password") == "wrong":
            raise NotConnectable("Bluesky did not accept the handle and app password.")
        return Connected(Account(id=f"bluesky-{values['handle']}", network="bluesky", handle=values["handle"]),
                         {"password": values["password"]})

    def check(self, conn):
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if isinstance(outcome, Exception):
            raise outcome
        conn.account.name = "Checked"
        return conn.account

    def prepare(self, out, account):
        return Prepared("bluesky", out.key, [{"text": out.text}])

    def publish(self, prepared, conn):
        conn.report(0.5, "Uploading")
        if self.hold is not None:  # wait (cancellable) until the test releases it
            while not self.hold.wait(0.01):
                conn.check()
        self.sent.append(prepared)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return Receipt(outcome, [outcome])

    def find_published(self, prepared, conn):
        return self.found
