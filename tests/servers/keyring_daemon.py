"""A real OS keyring for the tests: a private D-Bus session bus with gnome-keyring's Secret Service, in a
temporary HOME, so no real user keyring is touched (platform.md). Started and stopped by the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from processes import stop


def available() -> str | None:
    """None when the daemons exist, else what is missing."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (scripts/apt-packages.txt installs it)"
    return None


@contextmanager
def secret_service(unlocked: bool = True, password: str = "test-keyring-password"):
    """Yields the environment (DBUS_SESSION_BUS_ADDRESS, HOME, XDG_*) of a private bus with a Secret Service.
    unlocked=False starts the daemon without unlocking it: storing a secret then fails as on a locked desktop."""
    root = Path(tempfile.mkdtemp(prefix="studio-keyring-"))
    env = dict(os.environ)
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        folder = root / name.lower()
        folder.mkdir(mode=0o700)
        env[name] = str(folder)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                            f"--address=unix:path={root / 'bus'}"], stdout=subprocess.PIPE, env=env, text=True)
    keyring_proc = None
    try:
        address = bus.stdout.readline().strip() if bus.stdout else ""
        if not address:
            raise RuntimeError("the private D-Bus session did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        args = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        if unlocked:
            args.insert(1, "--unlock")
        keyring_proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, env=env, text=True)
        if unlocked and keyring_proc.stdin:
            keyring_proc.stdin.write(password)
        if keyring_proc.stdin:
            keyring_proc.stdin.close()
        _wait_for_secret_service(address)
        yield env
    finally:
        stop(keyring_proc)
        stop(bus)
        shutil.rmtree(root, ignore_errors=True)


def _wait_for_secret_service(address: str, timeout: float = 10.0) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + timeout
    bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus")
    while time.monotonic() < deadline:
        try:
            with open_dbus_connection(bus=address) as conn:
                reply = conn.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s",
                                                                ("org.freedesktop.secrets",)))
                if reply.body[0]:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("gnome-keyring's Secret Service did not appear on the private bus")
