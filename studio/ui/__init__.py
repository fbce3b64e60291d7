"""All PySide6 widgets live here."""
