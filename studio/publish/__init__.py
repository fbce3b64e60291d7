"""Publishing: accounts with their keyring secrets, "publish now", and (later) the queue. The one package that
joins networks, store and credentials (DESIGN.md §3)."""
