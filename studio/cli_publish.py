"""`studio accounts …` and `studio publish …`: the headless face of the Accounts window and "Publish now"."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import webbrowser
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser("accounts", help="connect, list, check and remove accounts")
    asub = a.add_subparsers(dest="accounts_command", required=True)
    ls = asub.add_parser("list", help="the connected accounts and their state")
    ls.add_argument("--json", action="store_true")
    add = asub.add_parser("add", help="connect an account (secrets are asked for, never taken as arguments)",
                          description="Bluesky: --handle and --server (default bsky.social), then the app "
                                      "password is asked for. Mastodon: --server; your browser opens to "
                                      "authorise. Telegram: --channel, then the bot token is asked for. "
                                      "Discord: the channel's webhook URL is asked for. Secrets are read from "
                                      "standard input when it is not a terminal.")
    add.add_argument("network", choices=("bluesky", "mastodon", "telegram", "discord"))
    add.add_argument("--server", default="", help="Bluesky PDS, Mastodon server, or a self-hosted Telegram Bot "
                                                  "API server")
    add.add_argument("--handle", default="", help="Bluesky handle, e.g. alice.bsky.social")
    add.add_argument("--channel", default="", help="Telegram channel: @name or its numeric id")
    add.add_argument("--no-browser", action="store_true", help="Mastodon: print the address instead of opening it")
    rm = asub.add_parser("remove", help="disconnect an account and delete its secret from the keyring")
    rm.add_argument("account")
    ck = asub.add_parser("check", help="ask each network whether the account still works")
    ck.add_argument("account", nargs="*", help="account ids (default: all)")

    p = sub.add_parser("publish", help="publish a post now; one line per target with its link or the error")
    p.add_argument("file", type=Path)
    p.add_argument("--target", action="append", required=True, metavar="ACCOUNT[:PLACEMENT]",
                   help="an account id or handle (see 'studio accounts list'), repeatable")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _accounts():
    from studio.credentials.store import KeyringCredentialStore
    from studio.publish.accounts import Accounts
    from studio.store.library import Library
    from studio.store.paths import data_dir

    return Accounts(Library.open(data_dir()), KeyringCredentialStore())


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _secret(label: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"{label}: ")
    return sys.stdin.readline().rstrip("\r\n")


def cmd_accounts(args: argparse.Namespace) -> int:
    from studio.credentials.store import CredentialError
    from studio.networks.publishing import PublishError
    from studio.publish.accounts import AccountError
    from studio.store.library import LibraryError

    try:
        accounts = _accounts()
        return ACCOUNT_COMMANDS[args.accounts_command](args, accounts)
    except (AccountError, PublishError, CredentialError, LibraryError) as e:
        return _fail(e.message)


def _list(args: argparse.Namespace, accounts) -> int:
    found = accounts.list()
    if args.json:
        print(json.dumps([{"id": a.id, "network": a.network, "handle": a.handle, "server": a.server,
                           "name": a.name, "state": a.state, "message": a.state_message} for a in found], indent=2))
        return 0
    if not found:
        print("No accounts yet. Connect one with: studio accounts add bluesky|mastodon|telegram|discord")
    for a in found:
        state = a.state.replace("_", " ") + (f" ({a.state_message})" if a.state_message else "")
        print(f"{a.id:32} {a.network:9} {a.handle:28} {state}")
    return 0


def _add(args: argparse.Namespace, accounts) -> int:
    values = {"server": args.server}
    if args.network == "bluesky":
        values.update(handle=args.handle, password=_secret("App password"))
    elif args.network == "telegram":
        values.update(channel=args.channel, bot_token=_secret("Bot token"))
    elif args.network == "discord":
        values.update(webhook_url=_secret("Webhook URL"))

    def open_browser(url: str) -> None:
        print(f"Authorise Content Studio in your browser. If it does not open, visit:\n{url}", file=sys.stderr)
        if not args.no_browser:
            webbrowser.open(url)

    server = args.server if args.network == "telegram" else ""
    account = accounts.add(args.network, values, open_browser=open_browser, server=server)
    print(f"connected {account.id} ({account.label})")
    return 0


def _remove(args: argparse.Namespace, accounts) -> int:
    account = accounts.remove(args.account)
    print(f"removed {account.id}; its secret was deleted from the keyring")
    return 0


def _check(args: argparse.Namespace, accounts) -> int:
    refs = args.account or [a.id for a in accounts.list()]
    bad = 0
    for ref in refs:
        a = accounts.check(ref)
        bad += a.state != "connected"
        print(f"{a.id}: {a.state.replace('_', ' ')}" + (f": {a.state_message}" if a.state_message else ""))
    return 1 if bad else 0


ACCOUNT_COMMANDS = {"list": _list, "add": _add, "remove": _remove, "check": _check}


def cmd_publish(args: argparse.Namespace) -> int:
    from studio.credentials.store import CredentialError
    from studio.networks.publishing import PublishError
    from studio.publish.accounts import AccountError
    from studio.publish.now import publish_jobs
    from studio.publishing import build_jobs, parse_targets
    from studio.render.qt import ensure_gui_app
    from studio.store.library import LibraryError
    from studio.store.project_file import ProjectError, load

    try:
        doc = load(args.file)
        accounts = _accounts()
        targets = parse_targets(args.target, accounts)
        ensure_gui_app()
        jobs, blocked = build_jobs(doc, targets, accounts)
    except (ProjectError, AccountError, LibraryError, CredentialError, PublishError) as e:
        return _fail(e.message)
    results = blocked + publish_jobs(jobs, accounts)
    if args.json:
        print(json.dumps([{"target": f"{r.job.account.id}:{r.job.outgoing.target}", "state": r.state,
                           "url": r.url, "message": r.message} for r in results], indent=2))
    for r in results if not args.json else []:
        where = f"{r.job.account.id} ({r.job.outgoing.target})"
        print(f"{where}: {r.url}" if r.ok else f"{where}: {r.state.replace('_', ' ')}: {r.message}")
    return 0 if results and all(r.ok for r in results) else 1
