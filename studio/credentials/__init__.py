"""Credentials in the OS keyring. Built in the accounts work."""
