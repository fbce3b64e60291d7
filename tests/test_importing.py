"""CSV import: every row checked with its line number before anything is queued; good rows queued as posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.core.account import Account
from studio.credentials.store import MemoryCredentialStore
from studio.importing import ImportFileError, plan_import, queue_rows, read_rows
from studio.publish.accounts import Accounts
from studio.publish.queue import Queue
from studio.publish.schedule import parse_at
from studio.store.library import Library

NOW = parse_at("2026-12-03T10:00", "Europe/Berlin")[0]
HEADER = "text,targets,at,zone,media,alt,text:mastodon,visibility:mastodon,every,count\n"


@pytest.fixture
def queue(tmp_path):
    library = Library.open(tmp_path / "lib")
    credentials = MemoryCredentialStore()
    for account in (Account(id="bluesky-band.test", network="bluesky", handle="band.test",
                            server="http://127.0.0.1:9", info={"did": "did:plc:band"}),
                    Account(id="mastodon-band@example.social", network="mastodon", handle="@band@example.social",
                            server="http://127.0.0.1:9", limits={"max_characters": 1000})):
        library.save_account(account)
        credentials.set(account.id, {"access_token": "t"})
    q = Queue(library, Accounts(library, credentials), clock=lambda: NOW)
    yield q
    library.close()


def csv_file(tmp_path: Path, body: str, header: str = HEADER, name: str = "posts.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((header + body).encode(encoding))
    Image.new("RGB", (1200, 800), (20, 60, 160)).save(tmp_path / "sky.jpg")
    return path


def test_good_rows_are_planned_with_their_schedule_variants_and_media(tmp_path, queue):
    path = csv_file(tmp_path, '"Tour starts 🎸 https://example.com",bluesky-band.test band@example.social,'
                              '2026-12-10T09:00,Europe/Berlin,sky.jpg,Blue sky at dusk,Our tour!,unlisted,,\n'
                              'Weekly reminder,bluesky-band.test,,,,,,,1w,4\n')
    first, second = plan_import(path, queue.accounts, default_zone="Europe/Berlin", now=NOW)
    assert (first.line, first.errors) == (2, []) and second.ok
    assert [t.account.id for t in first.targets] == ["bluesky-band.test", "mastodon-band@example.social"]
    post = first.doc.post
    assert [(m.kind, m.alt) for m in post.posted_media()] == [("file", "Blue sky at dusk")]
    assert post.variants["mastodon"].text == "Our tour!" and post.variants["mastodon"].options == {
        "visibility": "unlisted"}
    assert first.schedule.at == parse_at("2026-12-10T09:00", "Europe/Berlin")[0]
    assert first.when() == "Thu 10 Dec 2026 09:00 CET (Europe/Berlin)"
    assert second.schedule.at is None and second.when() == "now, every week, 4 posts"

    results = queue_rows([first, second], queue, tmp_path / "posts", "posts")
    assert [why for _, _, why in results] == ["", ""]
    assert (tmp_path / "posts" / "posts-line-2.studio").exists()
    (item_ids,) = [ids for row, ids, _ in results if row.line == 2]
    item = queue.item(item_ids[0])
    assert {t.account_id: t.due_at for t in item.targets} == {
        "bluesky-band.test": first.schedule.at, "mastodon-band@example.social": first.schedule.at}
    mastodon = next(t for t in item.targets if t.network == "mastodon")
    frozen = queue.store.target(mastodon.id).outgoing
    assert frozen["text"] == "Our tour!" and frozen["options"] == {"visibility": "unlisted"}
    assert len(next(ids for row, ids, _ in results if row.line == 3)) == 4  # four weekly posts


def test_bad_rows_are_reported_with_their_line_and_nothing_of_theirs_is_queued(tmp_path, queue):
    path = csv_file(tmp_path, 'ok,bluesky-band.test,,,,,,,,\n'
                              ',bluesky-band.test,2020-01-01T09:00,,missing.jpg,,,,,\n'
                              '"multi\nline text",nobody,,Mars/Olympus,,,,,,\n'
                              f'{"x" * 301},bluesky-band.test,,,,,,,,\n'
                              'alt without image,bluesky-band.test,,,,Some alt,,,,\n'
                              'bad option,band@example.social,,,,,,everyone,,\n'
                              'bad repeat,bluesky-band.test,,,,,,,3x,\n')
    rows = plan_import(path, queue.accounts, default_zone="UTC", now=NOW)
    by_line = {r.line: r for r in rows}
    assert sorted(by_line) == [2, 3, 4, 6, 7, 8, 9]  # the multi-line cell takes lines 4 and 5
    assert by_line[2].ok
    assert any("missing.jpg" in e for e in by_line[3].errors) and any("in the past" in e for e in by_line[3].errors)
    assert any("Mars/Olympus" in e for e in by_line[4].errors) and any("nobody" in e for e in by_line[4].errors)
    assert any("bluesky-band.test" in e and "300" in e for e in by_line[6].errors)
    assert any("1 alt texts for 0 image" in e for e in by_line[7].errors)
    assert any("visibility" in e and "everyone" in e for e in by_line[8].errors)
    assert any("not a repeat interval" in e for e in by_line[9].errors)
    results = queue_rows(rows, queue, tmp_path / "out", "posts")
    assert [row.line for row, ids, _ in results if ids] == [2]
    assert queue.count() == 1


def test_semicolons_excel_bom_and_unknown_columns(tmp_path, queue):
    path = csv_file(tmp_path, "Grüße aus Köln;bluesky-band.test\n", header="\ufefftext;targets\n", encoding="utf-8")
    (row,) = plan_import(path, queue.accounts, default_zone="UTC", now=NOW)
    assert row.ok and row.doc.post.text == "Grüße aus Köln"
    with pytest.raises(ImportFileError, match="unknown column schedule"):
        read_rows(csv_file(tmp_path, "a,b\n", header="text,schedule\n", name="typo.csv"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        read_rows(csv_file(tmp_path, "Grüße,x\n", header="text,targets\n", name="latin.csv", encoding="latin-1"))
    with pytest.raises(ImportFileError, match="at least “text”"):
        read_rows(csv_file(tmp_path, "a\n", header="text\n", name="notargets.csv"))
    with pytest.raises(ImportFileError, match="empty"):
        read_rows(csv_file(tmp_path, "", header="", name="empty.csv"))
