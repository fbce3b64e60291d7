"""The queue runner's cost: 100 due text+image posts published to the reference PDS on 127.0.0.1 through the runner
(`Runner.run(once=True)`: the lock, reading the frozen requests and media files, and the database writes before and
after every request), against the same Bluesky publisher called in a plain loop, in one run, alternating in rounds
so both see the same machine. Goal: runner <= 1.1x the plain loop.

Both reuse one HTTP connection and one session token per round. The PDS is started by the test scripts
(tests/servers/pds_server.py, installed and cached on first use).

    python benchmarks/runner_overhead.py [--posts 100] [--rounds 4]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "servers"))

from pds_server import create_account, local_pds  # noqa: E402

from studio.credentials.store import MemoryCredentialStore  # noqa: E402
from studio.networks.clients.bluesky import BlueskyClient  # noqa: E402
from studio.networks.publishing import Connection, Outgoing, OutMedia  # noqa: E402
from studio.publish.accounts import Accounts  # noqa: E402
from studio.publish.now import Job  # noqa: E402
from studio.publish.queue import Queue, Schedule  # noqa: E402
from studio.publish.runner import Runner  # noqa: E402
from studio.store.library import Library  # noqa: E402


def image(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (n * 37 % 256, n * 91 % 256, n * 53 % 256)).save(out, "JPEG", quality=85)
    return out.getvalue()


def outgoing(n: int, data: bytes, tag: str) -> Outgoing:
    return Outgoing("bluesky", f"Post {tag}-{n} from the benchmark #bench https://example.com", key=f"{tag}{n}",
                    media=(OutMedia(data, "image/jpeg", 640, 480, alt=f"Picture {n}"),))


def plain_loop(client: BlueskyClient, conn: Connection, images: list[bytes], tag: str) -> float:
    start = time.perf_counter()
    for i, data in enumerate(images):
        out = outgoing(i, data, tag)
        client.publish(client.prepare(out, conn.account), conn)
    return time.perf_counter() - start


def through_runner(queue: Queue, account, images: list[bytes], tag: str) -> float:
    for i, data in enumerate(images):  # queueing is not what is measured
        queue.add([Job(account, outgoing(i, data, tag))], schedule=Schedule(time.time() - 1, "UTC"),
                  source=Path("bench.studio"), design="d")
    start = time.perf_counter()
    outcomes = Runner(queue).run(once=True)
    elapsed = time.perf_counter() - start
    assert len(outcomes) == len(images) and {o.state for o in outcomes} == {"posted"}, outcomes[:3]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of posts/rounds each, alternating")
    args = parser.parse_args()
    per_round = max(1, args.posts // args.rounds)
    with local_pds() as pds, tempfile.TemporaryDirectory(prefix="studio-runner-bench-") as folder:
        create_account(pds, "bench.test", "bench-password-123")
        connected = BlueskyClient().connect({"server": pds.url, "handle": "bench.test",
                                             "password": "bench-password-123"}, requests.Session())
        library = Library.open(Path(folder))
        credentials = MemoryCredentialStore()
        credentials.set(connected.account.id, connected.secret)
        library.save_account(connected.account)
        queue = Queue(library, Accounts(library, credentials))
        client = BlueskyClient()
        conn = Connection(connected.account, dict(connected.secret), requests.Session())
        warm = [image(1000 + i) for i in range(5)]
        plain_loop(client, conn, warm, "warm")
        through_runner(queue, connected.account, warm, "warmq")
        times_runner, times_plain = [], []
        for r in range(args.rounds):
            imgs = [image(r * per_round + i) for i in range(per_round)]
            order = [("plain", lambda imgs=imgs, r=r: plain_loop(client, conn, imgs, f"p{r}")),
                     ("runner", lambda imgs=imgs, r=r: through_runner(queue, connected.account, imgs, f"q{r}"))]
            for name, run in order if r % 2 == 0 else order[::-1]:
                (times_plain if name == "plain" else times_runner).append(run())
        library.close()
    total_runner, total_plain = sum(times_runner), sum(times_plain)
    n = per_round * args.rounds
    print(f"posts: {n} text+image posts each, {args.rounds} alternating rounds, reference PDS on 127.0.0.1")
    print(f"through the runner:      {total_runner:6.2f} s  ({1000 * total_runner / n:5.1f} ms/post, "
          f"median round {statistics.median(times_runner):.2f} s)")
    print(f"publisher in a loop:     {total_plain:6.2f} s  ({1000 * total_plain / n:5.1f} ms/post, "
          f"median round {statistics.median(times_plain):.2f} s)")
    print(f"ratio: {total_runner / total_plain:.2f}x (goal <= 1.1x)")


if __name__ == "__main__":
    main()
