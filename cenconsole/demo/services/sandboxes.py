"""Sandboxes (Try the console): made seeded like the demo account, purged with all they own when
their time is up."""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from cenconsole.accounts.services import (
    sandbox_creation_allowed,
    sandbox_creation_record,
)
from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import refusal

from ..messages import SANDBOX_THROTTLED
from .removal import account_data_remove, account_rows_lock, held_note
from .seed import account_seed

SANDBOX_PREFIX = "sandbox-"

logger = logging.getLogger("cenconsole.demo")


def sandbox_create(*, ip_address: str | None):
    """Try the console: a new sandbox account (no usable password: it is signed in at once), seeded like
    the demo account, living DEMO_SANDBOX_HOURS of real time. Refused when the address made too many."""
    with transaction.atomic():
        if not sandbox_creation_allowed(ip_address=ip_address):
            raise refusal(SANDBOX_THROTTLED, "sandbox_throttled")
        sandbox_creation_record(ip_address=ip_address)
        User = get_user_model()
        account = User(
            username=f"{SANDBOX_PREFIX}{secrets.token_hex(5)}",
            is_sandbox=True,
            sandbox_expires_at=clock.real_now() + timedelta(hours=settings.DEMO_SANDBOX_HOURS),
        )
        account.set_unusable_password()
        account.save(force_insert=True)
        with clock.account_time(None):
            account_seed(owner=account)
        account.refresh_from_db()
        return account


def sandbox_purge(*, account_id, note: str, now=None) -> str | None:
    """Removes one sandbox (refused for any other account) with all it owns, leaving one audit record
    (`sandbox.purged`) that says why (`note`) and what it held. With `now`, only a sandbox whose time
    is up then. Returns the username removed, or None if there was no such sandbox."""
    User = get_user_model()
    with transaction.atomic():
        if not User.objects.filter(pk=account_id, is_sandbox=True).exists():
            return None
        # The account's rows before the account itself: the order Pay and Approve lock them in.
        account_rows_lock(account_id)
        account = User.objects.select_for_update().filter(pk=account_id, is_sandbox=True).first()
        if account is None or (now is not None and account.sandbox_expires_at > now):
            return None
        held = account_data_remove(account, access_keys=True)
        User.objects.filter(pk=account.pk, is_sandbox=True).delete()
        audit_record(
            actor=None,
            action="sandbox.purged",
            target=account,
            changes={"username": (account.username, None)},
            note=f"{note}; it held {held_note(held)}.",
        )
        return account.username


def sandboxes_purge(*, now=None) -> list[str]:
    """The periodic job's step: removes every sandbox whose time is up (real time) with all it owns,
    leaving one audit record per sandbox saying what it held. Touches sandbox accounts only. Returns
    the usernames removed."""
    now = now or clock.real_now()
    User = get_user_model()
    expired = User.objects.filter(is_sandbox=True, sandbox_expires_at__lte=now).values_list("pk", "sandbox_expires_at")
    purged = []
    for account_id, expires_at in list(expired):
        try:
            username = sandbox_purge(
                account_id=account_id, now=now, note=f"Sandbox expired at {expires_at:%Y-%m-%d %H:%M} UTC"
            )
        except Exception:
            logger.exception("Sandbox %s could not be purged", account_id)
            continue
        if username:
            purged.append(username)
    return purged
