"""Publishing to the real reference PDS on 127.0.0.1: 100 text+image posts through our Bluesky publisher, and the
same 100 with a minimal `requests` loop making the same calls (uploadBlob, then putRecord with a TID key), in one
run, alternating in rounds so both see the same machine. Goal: ours <= 1.2x the minimal loop.

Both reuse one HTTP connection and one session token; ours also prepares facets, checks sizes, reports progress
and maps errors. The PDS is started by the test scripts (tests/servers/pds_server.py, installed and cached on
first use).

    python benchmarks/publish_pds.py [--posts 100] [--rounds 4]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "servers"))

from pds_server import create_account, local_pds  # noqa: E402

from studio.core.progress import Progress  # noqa: E402
from studio.networks.clients.bluesky import BlueskyClient, new_tid  # noqa: E402
from studio.networks.publishing import Connection, Outgoing, OutMedia  # noqa: E402


def image(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (n * 37 % 256, n * 91 % 256, n * 53 % 256)).save(out, "JPEG", quality=85)
    return out.getvalue()


def ours(client: BlueskyClient, conn: Connection, images: list[bytes], tag: str) -> float:
    start = time.perf_counter()
    for i, data in enumerate(images):
        media = (OutMedia(data, "image/jpeg", 640, 480, alt=f"Picture {i}"),)
        out = Outgoing("bluesky", f"Post {tag}-{i} from the benchmark #bench https://example.com", key=f"{tag}{i}",
                       media=media)
        client.publish(client.prepare(out, conn.account), conn)
    return time.perf_counter() - start


def minimal(server: str, did: str, token: str, http: requests.Session, images: list[bytes], tag: str) -> float:
    auth = {"Authorization": f"Bearer {token}"}
    start = time.perf_counter()
    for i, data in enumerate(images):
        blob = http.post(f"{server}/xrpc/com.atproto.repo.uploadBlob", data=data, timeout=30,
                         headers={**auth, "Content-Type": "image/jpeg"}).json()["blob"]
        text = f"Post {tag}-{i} from the benchmark #bench https://example.com"
        record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-11-27T10:00:00.000Z",
                  "embed": {"$type": "app.bsky.embed.images",
                            "images": [{"image": blob, "alt": f"Picture {i}",
                                        "aspectRatio": {"width": 640, "height": 480}}]}}
        r = http.post(f"{server}/xrpc/com.atproto.repo.putRecord", timeout=30, headers=auth,
                      json={"repo": did, "collection": "app.bsky.feed.post", "rkey": new_tid(), "record": record,
                            "swapRecord": None})
        r.raise_for_status()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of posts/rounds each, alternating")
    args = parser.parse_args()
    per_round = max(1, args.posts // args.rounds)
    with local_pds() as pds:
        create_account(pds, "bench.test", "bench-password-123")
        connected = BlueskyClient().connect({"server": pds.url, "handle": "bench.test",
                                             "password": "bench-password-123"}, requests.Session())
        client = BlueskyClient()
        conn = Connection(connected.account, connected.secret, requests.Session(), progress=Progress())
        http = requests.Session()
        did, token = connected.account.info["did"], connected.secret["access_jwt"]
        warm = [image(1000 + i) for i in range(5)]
        ours(client, conn, warm, "warm")
        minimal(pds.url, did, token, http, warm, "warm")
        times_ours, times_min = [], []
        for r in range(args.rounds):
            imgs = [image(r * per_round + i) for i in range(per_round)]
            if r % 2:
                times_min.append(minimal(pds.url, did, token, http, imgs, f"m{r}"))
                times_ours.append(ours(client, conn, imgs, f"o{r}"))
            else:
                times_ours.append(ours(client, conn, imgs, f"o{r}"))
                times_min.append(minimal(pds.url, did, token, http, imgs, f"m{r}"))
    total_ours, total_min = sum(times_ours), sum(times_min)
    n = per_round * args.rounds
    print(f"posts: {n} text+image posts each, {args.rounds} alternating rounds, reference PDS on 127.0.0.1")
    print(f"our publisher:        {total_ours:6.2f} s  ({1000 * total_ours / n:5.1f} ms/post, "
          f"median round {statistics.median(times_ours):.2f} s)")
    print(f"minimal requests loop: {total_min:6.2f} s  ({1000 * total_min / n:5.1f} ms/post, "
          f"median round {statistics.median(times_min):.2f} s)")
    print(f"ratio: {total_ours / total_min:.2f}x (goal <= 1.2x)")


if __name__ == "__main__":
    main()
