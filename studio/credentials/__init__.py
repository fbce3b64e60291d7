"""Credentials in the OS keyring (DESIGN.md §8): CredentialStore, the keyring backend, an in-memory one."""

from studio.credentials.store import (
    SERVICE,
    CredentialError,
    CredentialStore,
    KeyringCredentialStore,
    MemoryCredentialStore,
)

__all__ = ["SERVICE", "CredentialError", "CredentialStore", "KeyringCredentialStore", "MemoryCredentialStore"]
