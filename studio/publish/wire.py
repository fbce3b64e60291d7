"""The runner's view of the wire: a requests.Session that calls a function before every request a client makes,
and one with each answer that arrives.

The runner uses it to save the Prepared steps and mark a post-creating request as in flight before it leaves, and
to keep within rate budgets (exactly_once.py, policy.py). If that function raises (a budget says wait, the disk is
full), the request is not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests


class WatchedSession(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.before: Callable[[str, str], None] | None = None
        self.after: Callable[[requests.Response], None] | None = None

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        if self.before is not None:
            self.before(method.decode() if isinstance(method, bytes) else method,
                        url.decode() if isinstance(url, bytes) else url)
        response = super().request(method, url, *args, **kwargs)
        if self.after is not None:
            self.after(response)
        return response
