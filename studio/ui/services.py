"""What the window needs from the rest of the app, built by studio.app (the composition root)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.core.brand import BrandKit
from studio.store.library import Library
from studio.store.recovery import RecoveryStore


@dataclass
class Services:
    library: Library
    recovery: RecoveryStore
    docs_folder: Path

    def brand_kit(self) -> BrandKit:
        return self.library.get_brand_kit()

    def documents_dir(self) -> Path:
        self.docs_folder.mkdir(parents=True, exist_ok=True)
        return self.docs_folder

    def close(self) -> None:
        self.recovery.close()
        self.library.close()
