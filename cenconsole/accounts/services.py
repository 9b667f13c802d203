import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F

from cenconsole.core import clock

from .models import SignInFailure, User


@transaction.atomic
def user_sign_up(*, form) -> User:
    """A new account, with the demo credit every account starts with (the field's default)."""
    return form.save()


def account_state_changed(*, owner) -> None:
    """Marks the account's listed state (instances, bound packages) as changed: cached fragments
    keyed on the old version are never read again. Called by the models' save(), inside the changing
    transaction. `owner` is an account or its id."""
    User.objects.filter(pk=getattr(owner, "pk", owner)).update(state_version=F("state_version") + 1)


SIGN_IN_THROTTLED = "Too many failed sign-in attempts. Wait {minutes} minutes, then try again."

security_log = logging.getLogger("cenconsole.security")


def sign_in_throttled(*, username: str, ip_address: str | None) -> bool:
    """True while the username or the address has too many recent failures."""
    since = clock.now() - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)
    recent = SignInFailure.objects.filter(created_at__gte=since)
    if recent.filter(username__iexact=username).count() >= settings.SIGN_IN_FAILURES_PER_USER:
        return True
    return bool(ip_address) and recent.filter(ip_address=ip_address).count() >= settings.SIGN_IN_FAILURES_PER_ADDRESS


def sign_in_failed(*, username: str, ip_address: str | None, throttled: bool = False) -> None:
    """Records and logs a failed sign-in; forgets failures older than the window."""
    now = clock.now()
    SignInFailure.objects.filter(created_at__lt=now - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)).delete()
    SignInFailure.objects.create(username=username[:150], ip_address=ip_address, created_at=now)
    security_log.warning(
        "sign-in %s: username=%r address=%s", "refused (throttled)" if throttled else "failed", username, ip_address
    )
