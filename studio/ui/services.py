"""What the window needs from the rest of the app, built by studio.app (the composition root)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core.brand import BrandKit
from studio.store.library import Library
from studio.store.recovery import RecoveryStore

if TYPE_CHECKING:  # imported when first used: requests and keyring stay out of the start-up
    from studio.credentials.store import CredentialStore
    from studio.publish.accounts import Accounts


@dataclass
class Services:
    library: Library
    recovery: RecoveryStore
    docs_folder: Path
    credentials: CredentialStore | None = None  # None: the OS keyring (studio.app passes it; tests a memory store)
    _accounts: Accounts | None = field(default=None, init=False, repr=False)

    def accounts(self) -> Accounts:
        from studio.publish.accounts import Accounts

        if self._accounts is None:
            if self.credentials is None:
                from studio.credentials.store import KeyringCredentialStore

                self.credentials = KeyringCredentialStore()
            self._accounts = Accounts(self.library, self.credentials)
        return self._accounts

    def brand_kit(self) -> BrandKit:
        return self.library.get_brand_kit()

    def documents_dir(self) -> Path:
        self.docs_folder.mkdir(parents=True, exist_ok=True)
        return self.docs_folder

    def close(self) -> None:
        self.recovery.close()
        self.library.close()
