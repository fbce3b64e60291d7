"""`studio accounts` and `studio publish` as a user runs them: a real keyring (gnome-keyring on a private D-Bus),
the real PDS, and a scan of everything the studio wrote for the secrets."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from pds_server import create_account
from studio_cli import studio, user_session

from studio.core.document import Document
from studio.core.post import Media, Post
from studio.logic import new_document
from studio.store.project_file import save

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "cli-horse-battery-staple"


@pytest.fixture
def user(tmp_path):
    """A user's session: a private keyring and an empty data folder."""
    with user_session(tmp_path / "home") as env:
        yield env


def photo(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), color).save(out, "PNG")
    return out.getvalue()


def post_with_two_images_and_a_link(path: Path) -> Path:
    """A designed card (rendered on the way out) and a photo file."""
    doc: Document = new_document("quote", "square", "Tour", None, None)
    design = doc.post.media[0]
    design.alt = "Red stage lights"
    doc.post = Post(text="New dates are out: https://example.com/tour #tour", targets=["bluesky"],
                    media=[design, Media(kind="file", asset=doc.add_asset(photo("navy")), alt="The crowd at night")])
    save(doc, path)
    return path


def secrets_in(folder: Path, secrets: list[str]) -> list[str]:
    found = []
    for file in folder.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            found += [f"{file.name}: {s[:6]}…" for s in secrets if s.encode() in data]
    return found


def test_connect_publish_and_the_secret_is_only_in_the_keyring(pds, user, tmp_path):
    create_account(pds, "clitour.test", PASSWORD)
    added = studio(user, "accounts", "add", "bluesky", "--server", pds.url, "--handle", "clitour.test",
                   stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "connected bluesky-clitour.test" in added.stdout
    listed = json.loads(studio(user, "accounts", "list", "--json").stdout)
    assert [(a["id"], a["state"]) for a in listed] == [("bluesky-clitour.test", "connected")]

    post = post_with_two_images_and_a_link(tmp_path / "tour.studio")
    published = studio(user, "publish", post, "--target", "bluesky-clitour.test")
    assert published.returncode == 0, published.stderr
    line = published.stdout.strip()
    assert line.startswith("bluesky-clitour.test (bluesky): https://bsky.app/profile/clitour.test/post/")
    rkey = line.rsplit("/", 1)[1]
    did = requests.get(f"{pds.url}/xrpc/com.atproto.identity.resolveHandle", params={"handle": "clitour.test"},
                       timeout=30).json()["did"]
    value = requests.get(f"{pds.url}/xrpc/com.atproto.repo.getRecord", timeout=30,
                         params={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey}).json()["value"]
    images = value["embed"]["images"]
    assert [i["alt"] for i in images] == ["Red stage lights", "The crowd at night"]
    assert images[0]["aspectRatio"] == {"width": 1080, "height": 1080} and images[0]["image"]["size"] <= 1_000_000
    assert value["facets"][0]["features"][0]["uri"] == "https://example.com/tour"

    stored = subprocess.run(["secret-tool", "lookup", "service", "content-studio", "username",
                             "bluesky-clitour.test"], capture_output=True, text=True, env=user, timeout=10)
    secret = json.loads(stored.stdout)
    assert secret["password"] == PASSWORD
    leaked = secrets_in(Path(user["CONTENT_STUDIO_HOME"]), [PASSWORD, secret["access_jwt"], secret["refresh_jwt"]])
    assert leaked == []
    for out in (added, published):
        assert PASSWORD not in out.stdout + out.stderr and secret["access_jwt"] not in out.stdout + out.stderr

    removed = studio(user, "accounts", "remove", "bluesky-clitour.test")
    assert removed.returncode == 0
    gone = subprocess.run(["secret-tool", "lookup", "service", "content-studio", "username", "bluesky-clitour.test"],
                          capture_output=True, text=True, env=user, timeout=10)
    assert gone.stdout == ""


def test_a_wrong_password_and_an_unknown_account_are_one_clear_line(pds, user, tmp_path):
    wrong = studio(user, "accounts", "add", "bluesky", "--server", pds.url, "--handle", "nobody-here.test",
                   stdin="not-the-password\n")
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: Bluesky did not accept")
    assert "not-the-password" not in wrong.stderr
    post = post_with_two_images_and_a_link(tmp_path / "p.studio")
    unknown = studio(user, "publish", post, "--target", "nobody")
    assert unknown.returncode == 1 and "There is no account “nobody”" in unknown.stderr


def test_without_a_keyring_the_secret_is_refused_not_written_to_a_file(pds, tmp_path):
    create_account(pds, "nokeyring.test", PASSWORD)
    env = dict(CONTENT_STUDIO_HOME=str(tmp_path / "home"), PATH="/usr/bin:/bin", HOME=str(tmp_path),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    out = studio(env, "accounts", "add", "bluesky", "--server", pds.url, "--handle", "nokeyring.test",
                 stdin=PASSWORD + "\n")
    assert out.returncode == 1 and "No keyring is available" in out.stderr
    assert secrets_in(tmp_path, [PASSWORD]) == []
    assert json.loads(studio(env, "accounts", "list", "--json").stdout) == []
