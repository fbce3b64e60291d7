"""The log never keeps a secret, even when one reaches a message by mistake."""

from __future__ import annotations

import logging

from studio import logs


def test_secrets_are_removed_from_messages_and_tracebacks(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        check_log(logs.setup(tmp_path))
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def check_log(path):
    log = logging.getLogger("studio.test")
    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLXZhbHVl"
    log.info("GET https://api.telegram.org/bot%s/sendMessage", token)
    log.warning("POST https://discord.com/api/webhooks/1234/abcDEF-secret_token?wait=true")
    log.info("headers {'Authorization': 'Bearer %s'}", jwt)
    log.info('body {"password": "hunter2-app-pw", "access_token": "zzz-mastodon-token"}')
    try:
        raise ValueError(f"failed with {jwt}")
    except ValueError:
        log.exception("upload failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text()
    for secret in (token, "abcDEF-secret_token", jwt, "hunter2-app-pw", "zzz-mastodon-token"):
        assert secret not in text
    assert "sendMessage" in text and "upload failed" in text and "<token>" in text
