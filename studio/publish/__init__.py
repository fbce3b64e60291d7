"""Publishing: accounts with their keyring secrets, "publish now", and the queue (schedule, runner, exactly-once
rules). The one package that joins networks, store and credentials (DESIGN.md §3)."""
