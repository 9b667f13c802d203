"""Time passing, run by `manage.py process_subscriptions`: packages expire at their expiration
time, auto-renew through the same payment pipeline as Renew, and are released after the grace
period."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q

from cenconsole.audit.services import audit_record
from cenconsole.core import clock

from ..models import BandwidthPackage
from ..signals import package_bandwidth_lowering
from .orders import orders_lapse
from .packages import package_release
from .purchase import DURATIONS
from .settlement import settle
from .subscription import renewal_order


def _expiry_due(now):
    return (
        BandwidthPackage.objects.active()
        .filter(expires_at__lte=now)
        .filter(Q(expiry_processed_for__isnull=True) | ~Q(expiry_processed_for=F("expires_at")))
    )


def _scoped(packages, *, owner, owners):
    if owner is not None:
        packages = packages.filter(owner=owner)
    if owners is not None:
        packages = packages.filter(owner__in=owners)
    return packages


def _auto_renew(package: BandwidthPackage, *, expired_at, now) -> None:
    """An auto-renewal is a Renew order placed and paid at once, renewed from the old expiration.
    Raises ValidationError (a short balance, say) with nothing changed."""
    months = package.auto_renewal_months
    with transaction.atomic():
        order = renewal_order(package, duration_months=months)
        order.owner = package.owner
        # One auto-renewal per expiration, whatever runs at once: the key is unique.
        order.idempotency_key = f"auto-renew:{package.pk}:{int(expired_at.timestamp())}"
        order.save(force_insert=True)
        settle(
            order,
            now=now,
            term_start=expired_at,
            by_owner=False,
            action="package.auto_renewed",
            note=f"Auto-renewal for {DURATIONS[months]}: order {order.number}, USD {order.amount}.",
        )


def _process_expiry(*, package_id: str, now) -> str | None:
    """At expiration: auto-renew when on and the balance allows, otherwise record the expiry.
    Returns what happened, or None when another run already handled it."""
    with transaction.atomic():
        package = _expiry_due(now).select_for_update().filter(pk=package_id).first()
        if package is None:
            return None
        expired_at = package.expires_at
        BandwidthPackage.objects.filter(pk=package.pk).update(expiry_processed_for=expired_at)
        if package.auto_renewal:
            try:
                _auto_renew(package, expired_at=expired_at, now=now)
                return "auto_renewed"
            except ValidationError as error:
                note = f"Auto-renewal failed: {' '.join(error.messages)}"
        else:
            note = "Auto-renewal is off."
        audit_record(
            actor=None,
            action="package.expired",
            target=package,
            changes={"business_status": ("Normal", "FinancialLocked")},
            note=note,
        )
        return "expired"


def _temporary_upgrade_end(*, package_id: str, now) -> bool:
    """At a temporary upgrade's end: the package returns to its bandwidth before (its region
    connections trimmed to fit by the networks app, told first). False when another run did it."""
    with transaction.atomic():
        package = (
            BandwidthPackage.objects.active()
            .select_for_update()
            .filter(pk=package_id, temporary_upgrade_ends_at__lte=now)
            .first()
        )
        if package is None:
            return False
        upgraded, bandwidth = package.bandwidth, package.temporary_upgrade_from
        package_bandwidth_lowering.send(sender=BandwidthPackage, package=package, bandwidth=bandwidth, actor=None)
        ended_at = package.temporary_upgrade_ends_at
        package.bandwidth, package.temporary_upgrade_from, package.temporary_upgrade_ends_at = bandwidth, None, None
        package.save(update_fields=["bandwidth", "temporary_upgrade_from", "temporary_upgrade_ends_at"])
        audit_record(
            actor=None,
            action="package.temporary_upgrade_ended",
            target=package,
            changes={"bandwidth": (upgraded, bandwidth), "temporary_upgrade_ends_at": (ended_at, None)},
            note="The temporary upgrade ended: back to the bandwidth before.",
        )
        return True


def subscriptions_process(*, now=None, owner=None, owners=None) -> dict[str, int]:
    """Lapses unpaid orders past their deadline, expires and auto-renews packages whose time has come,
    then releases those expired longer than the grace period. Idempotent: each package is re-checked
    under a lock, so two runs at the same time change nothing twice.

    With `owner`, processes only that account (a demo's Advance time runs it under the account's
    clock); `owners` narrows the run to a queryset of accounts (the periodic job's real-time pass)."""
    now = now or clock.now()
    done = {
        "auto_renewed": 0,
        "expired": 0,
        "released": 0,
        "temporary_upgrades_ended": 0,
        "lapsed": orders_lapse(now=now, owner=owner, owners=owners),
    }
    # Temporary upgrades end first: a package expiring at the same moment expires at its old bandwidth.
    ending = _scoped(
        BandwidthPackage.objects.active().filter(temporary_upgrade_ends_at__lte=now), owner=owner, owners=owners
    ).order_by("temporary_upgrade_ends_at", "pk")
    for package_id in list(ending.values_list("pk", flat=True)):
        done["temporary_upgrades_ended"] += _temporary_upgrade_end(package_id=package_id, now=now)
    due = _scoped(_expiry_due(now), owner=owner, owners=owners).order_by("expires_at", "pk")
    for package_id in list(due.values_list("pk", flat=True)):
        outcome = _process_expiry(package_id=package_id, now=now)
        if outcome:
            done[outcome] += 1
    grace = timedelta(days=settings.CEN_RELEASE_GRACE_DAYS)
    overdue = _scoped(
        BandwidthPackage.objects.active().filter(expires_at__lte=now - grace), owner=owner, owners=owners
    ).values_list("pk", flat=True)
    for package_id in list(overdue):
        try:
            with transaction.atomic():
                package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
                if package.released_at or package.expires_at > now - grace:
                    continue  # another run released it, or it was renewed meanwhile
                package_release(
                    package_id=package_id,
                    actor=None,
                    reason=f"Expired {settings.CEN_RELEASE_GRACE_DAYS} days ago: released automatically.",
                )
                done["released"] += 1
        except ValidationError:
            continue
    return done


def subscriptions_process_all(*, now=None) -> dict[str, int]:
    """The periodic job: every account on real time (or `now`) in one pass, then each account on a
    test clock separately, at its own time (real time plus its offset)."""
    now = now or clock.real_now()
    accounts = get_user_model().objects
    done = subscriptions_process(now=now, owners=accounts.filter(clock_offset=timedelta(0)))
    for account in accounts.exclude(clock_offset=timedelta(0)).only("pk", "clock_offset"):
        with clock.account_time(account.clock_offset):
            for outcome, count in subscriptions_process(now=now + account.clock_offset, owner=account).items():
                done[outcome] += count
    return done
