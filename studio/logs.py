"""The studio's log: a small rotating file in the data folder (for bug reports) and stderr, both passed through
a filter that removes anything shaped like a secret, in case one ever reaches a message (DESIGN.md §8).

HTTP libraries are kept at WARNING: urllib3's debug lines contain request URLs, and a Telegram bot token or a
Discord webhook token is part of its URL.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_SECRETS = (
    (re.compile(r"bot\d{5,}:[A-Za-z0-9_-]{20,}"), "bot<token>"),  # Telegram bot tokens in Bot API URLs
    (re.compile(r"(/api/(?:v\d+/)?webhooks/\d+/)[A-Za-z0-9_.-]+"), r"\1<token>"),  # Discord webhook tokens
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1<token>"),
    (re.compile(r"(?i)((?:access_token|refresh_token|client_secret|code_verifier|password|accessJwt|refreshJwt)"
                r"[\"']?\s*[:=]\s*[\"']?)[^\"'&\s,}]+"), r"\1<secret>"),
    (re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+"), "<jwt>"),
)
LOG_NAME = "studio.log"


def redact(text: str) -> str:
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup(folder: Path, debug: bool = False) -> Path | None:
    """Log to `folder`/logs/studio.log (INFO and up; 1 MB, 3 old files kept) and to stderr (warnings, or INFO
    with `debug`). Returns the log file, or None
    when the folder cannot be written (the studio still runs)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    secret_filter = RedactSecrets()
    console = logging.StreamHandler()
    console.setLevel(logging.INFO if debug else logging.WARNING)
    console.addFilter(secret_filter)
    root.addHandler(console)
    for noisy in ("urllib3", "requests"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    path = Path(folder) / "logs" / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(secret_filter)
    root.addHandler(handler)
    return path
