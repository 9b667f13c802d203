"""Named locks for rules that count rows (a quota, a throttle): two transactions that would each see
"one left" and both insert must take turns. On PostgreSQL a transaction-scoped advisory lock, held
until the transaction ends; SQLite transactions here are IMMEDIATE (settings), so a writing
transaction already runs alone and nothing more is needed.

Lock order: a service takes its named lock first, before any row lock, and takes at most one; no
code holding a row lock waits for a named lock (seeding the demo, which holds the account's row, skips
the order quota and its lock). So named locks never join a deadlock."""

import hashlib

from django.db import connection


def _key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def named_lock(name: str) -> None:
    """Takes the lock called `name` for the rest of the current transaction (waiting for its holder)."""
    if not connection.in_atomic_block:
        raise RuntimeError("named_lock() needs a transaction: it is held until the transaction ends.")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_key(name)])
