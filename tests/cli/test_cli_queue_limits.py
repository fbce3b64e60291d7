"""`studio queue limits`: each account's rate budgets as used now, and whether its posts wait for the network."""

from __future__ import annotations

import time

from cli_helpers import run

from studio.core.account import Account
from studio.publish.policy import WAITS_SETTING
from studio.store.library import Library
from studio.store.paths import data_dir
from studio.store.queue_store import QueueStore


def test_limits_show_what_is_used_and_a_wait(capsys):
    library = Library.open(data_dir())
    library.save_account(Account(id="bluesky-band.test", network="bluesky", handle="band.test"))
    library.save_account(Account(id="discord-news", network="discord", handle="news"))
    sign_ins = ["bluesky.sessions", "bluesky.sessions.day"] * 3
    QueueStore(library).add_usage("bluesky-band.test", sign_ins, time.time() - 10)
    library.set_setting(WAITS_SETTING, {"discord-news": time.time() + 600})
    library.close()
    result = run(capsys, "queue", "limits", "--zone", "UTC")
    lines = result.out.splitlines()
    assert result.code == 0
    assert lines[0] == ("bluesky-band.test: 3 of 30 sign-ins per 5 minutes; 3 of 300 sign-ins per day; "
                        "0 of 1600 posts per hour")
    assert lines[1] == "discord-news: 0 of 5 messages per 2 seconds"
    assert lines[2].startswith("  waiting until ") and lines[2].endswith("(UTC) (the network asked to slow down)")
