"""The queue's tables (library schema version 2 -> 3), kept beside the library's other migrations.

A queue item is one post as it was frozen at queue time; it has one row per target in `queue_targets`, each with
its own state, instant and frozen requests (`prepared`: the client's steps with their resume markers). Instants
are UTC Unix seconds; `zone` is the IANA zone the user chose. `queue_history` is append-only: one row per event
(queued, sending, posted, failed, ...), with a request summary that never holds a secret.
"""

STATES = ("scheduled", "sending", "posted", "failed", "needs_reauth", "outcome_unknown", "cancelled", "held")

QUEUE_SCHEMA = f"""
CREATE TABLE queue_items (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,             -- the start of the post's text, for lists
    source_path TEXT NOT NULL,         -- the .studio file it was queued from
    design_hash TEXT NOT NULL,         -- SHA-256 of the post at queue time ("the design changed since")
    scheduled_at REAL NOT NULL,        -- the earliest of its targets' instants (UTC): list and calendar order
    zone TEXT NOT NULL,                -- the IANA zone it was scheduled in
    recur TEXT,                        -- JSON rule on the first item of a recurring series, else NULL
    series_id INTEGER REFERENCES queue_items (id) ON DELETE SET NULL,
    series_index INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL
);
CREATE INDEX queue_items_by_time ON queue_items (scheduled_at, id);
CREATE INDEX queue_items_by_series ON queue_items (series_id);

CREATE TABLE queue_targets (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES queue_items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    target TEXT NOT NULL,              -- the placement: "bluesky", "mastodon", "instagram:story"
    network TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ({", ".join(f"'{s}'" for s in STATES)})),
    due_at REAL NOT NULL,
    next_attempt_at REAL,              -- a retry's (or the current attempt's) instant; NULL: due_at
    attempts INTEGER NOT NULL DEFAULT 0,
    outgoing TEXT NOT NULL,            -- JSON: the frozen Outgoing (text, thread, options, key, media by hash)
    prepared TEXT NOT NULL,            -- JSON: the Prepared steps, saved again before every post-creating request
    inflight TEXT,                     -- JSON: the post-creating request that may be on the wire, else NULL
    first_write_at REAL,               -- when such a request first left (Mastodon keeps its key for an hour)
    url TEXT NOT NULL DEFAULT '',
    ids TEXT NOT NULL DEFAULT '[]',
    message TEXT NOT NULL DEFAULT '',  -- the network's own words for a failure, or why it waits
    posted_at REAL,
    updated_at REAL NOT NULL
);
CREATE INDEX queue_targets_of_item ON queue_targets (item_id, position);
CREATE INDEX queue_targets_due ON queue_targets (state, coalesce(next_attempt_at, due_at));
CREATE INDEX queue_targets_by_account ON queue_targets (account_id, state, due_at);

CREATE TABLE queue_history (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    item_id INTEGER NOT NULL,          -- no foreign key: the history outlives a deleted item
    target_id INTEGER,
    account_id TEXT NOT NULL,
    target TEXT NOT NULL,
    event TEXT NOT NULL,
    request TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX queue_history_by_item ON queue_history (item_id, id);
CREATE INDEX queue_history_by_time ON queue_history (at);

CREATE TABLE queue_slots (
    account_id TEXT NOT NULL,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- Monday = 0
    time TEXT NOT NULL,                -- "HH:MM" on the wall clock of `zone`
    zone TEXT NOT NULL,
    PRIMARY KEY (account_id, weekday, time)
);

CREATE TABLE rate_usage (
    account_id TEXT NOT NULL,
    budget TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX rate_usage_by_budget ON rate_usage (account_id, budget, at);
"""
