"""The console's one clock. Every "now" that a rule depends on (expiry, proration, order and ticket
times, API answers) is read here, so a change of what "now" means is made in one place.

An account may run on a test clock (a demo's **Advance time**): its offset from real time is held
in a context variable for the length of a request, an API call or a job's pass over that account
(`account_time`), and `now()` adds it. What must stay real whatever account is served (signature
timestamps and nonces, throttling windows, a sandbox's lifetime) reads `real_now()`."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.utils import timezone

NO_OFFSET = timedelta(0)

_offset: ContextVar[timedelta] = ContextVar("clock_offset", default=NO_OFFSET)


def real_now() -> datetime:
    """The real current time, aware, in UTC, whatever account is being served."""
    return timezone.now()


def now() -> datetime:
    """The current time of the account being served (real time unless it runs on a test clock)."""
    return timezone.now() + _offset.get()


def offset() -> timedelta:
    """How far ahead of real time the current context's clock runs."""
    return _offset.get()


@contextmanager
def account_time(account_offset: timedelta | None) -> Iterator[None]:
    """Runs the block on an account's clock: `now()` is real time plus `account_offset`."""
    token = _offset.set(account_offset or NO_OFFSET)
    try:
        yield
    finally:
        _offset.reset(token)
