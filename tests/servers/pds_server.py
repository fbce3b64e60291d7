"""The reference Bluesky PDS on 127.0.0.1 for end-to-end tests: installed once (tests/servers/pds/install.sh,
cached outside the clone), started per test session with a private data folder, stopped afterwards."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from processes import stop

HERE = Path(__file__).resolve().parent / "pds"


@dataclass
class LocalPds:
    url: str  # http://127.0.0.1:PORT
    plc_url: str
    admin_password: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install() -> Path:
    out = subprocess.run(["bash", str(HERE / "install.sh")], capture_output=True, text=True, timeout=1200)
    if out.returncode != 0:
        raise RuntimeError(f"installing the test PDS failed:\n{out.stderr[-4000:]}")
    return Path(out.stdout.strip().splitlines()[-1])


@contextmanager
def local_pds(timeout: float = 60.0):
    folder = install()
    node = next((folder / "node" / "node_modules").glob("node-linux-*/bin/node"))
    root = Path(tempfile.mkdtemp(prefix="studio-pds-"))
    (root / "data").mkdir()
    (root / "blobs").mkdir()
    pds_port, plc_port = _free_port(), _free_port()
    admin = secrets.token_hex(8)
    env = dict(os.environ, PLC_PORT=str(plc_port), PDS_PORT=str(pds_port), PDS_HOSTNAME="localhost",
               PDS_DATA_DIRECTORY=str(root / "data"), PDS_BLOBSTORE_DISK_LOCATION=str(root / "blobs"),
               PDS_DID_PLC_URL=f"http://localhost:{plc_port}",
               PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX=secrets.token_hex(32), PDS_JWT_SECRET=secrets.token_hex(16),
               PDS_ADMIN_PASSWORD=admin, PDS_DEV_MODE="true", PDS_INVITE_REQUIRED="false", LOG_ENABLED="false")
    for name in ("PDS_CRAWLERS", "PDS_BSKY_APP_VIEW_URL", "PDS_EMAIL_SMTP_URL"):
        env.pop(name, None)  # nothing may leave the machine
    shutil.copy(HERE / "start.mjs", folder / "start.mjs")
    proc = subprocess.Popen([str(node), "--dns-result-order=ipv4first", str(folder / "start.mjs")], cwd=folder,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{pds_port}"
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the test PDS exited: {proc.stderr.read()[-4000:] if proc.stderr else ''}")
            try:
                if requests.get(f"{url}/xrpc/_health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the test PDS did not become healthy in time")
            time.sleep(0.2)
        yield LocalPds(url, f"http://127.0.0.1:{plc_port}", admin)
    finally:
        stop(proc, grace=10)
        shutil.rmtree(root, ignore_errors=True)


def create_account(pds: LocalPds, handle: str, password: str = "correct-horse-battery") -> dict:
    r = requests.post(f"{pds.url}/xrpc/com.atproto.server.createAccount", timeout=30,
                      json={"handle": handle, "email": f"{handle.split('.')[0]}@example.com", "password": password})
    r.raise_for_status()
    return json.loads(r.text)
