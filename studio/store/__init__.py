"""Persistence: the `.studio` project file, crash recovery and the SQLite library. Imports studio.core only."""
