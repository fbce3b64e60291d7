"""The publishing clients, one per network that can publish (DESIGN.md §6). `CLIENTS` is the explicit registry."""
