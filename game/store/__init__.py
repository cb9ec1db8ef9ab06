"""The durable event log of a hosted session (SQLite, WAL, one transaction per move).

See :mod:`game.store.log` for the schema and :class:`Store` for the API.
"""

from game.store.log import HostConfig, LoggedMove, Store, StoreError, TableRecord

__all__ = ["HostConfig", "LoggedMove", "Store", "StoreError", "TableRecord"]
