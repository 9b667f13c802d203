"""Issue 5: renew, upgrade, downgrade, auto-renewal and time passing."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from cenconsole.accounts.models import User
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order, add_months
from cenconsole.networks import services as network_services
from tests.factories import balance_set, buy_package

pytestmark = pytest.mark.django_db


def fresh(package):
    return BandwidthPackage.objects.get(pk=package.pk)


def set_expiry(package, moment):
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=moment)
    return fresh(package)


def pay(order):
    return services.order_pay(owner=order.owner, order_id=order.pk)


def renew(package, months, key="renew-1"):
    return services.order_create_renewal(
        terms_agreed=True, owner=package.owner, idempotency_key=key, package_id=package.pk, duration_months=months
    )


def resize(package, bandwidth, key="resize-1"):
    return services.order_create_resize(
        terms_agreed=True, owner=package.owner, idempotency_key=key, package_id=package.pk, bandwidth=bandwidth
    )


def balance(user):
    return User.objects.get(pk=user.pk).balance


@pytest.fixture
def mainland(cen_instance):
    """Mainland China <-> Mainland China, 2 Mbps: USD 68 a month (the published price)."""
    return buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)


# --- Renew --------------------------------------------------------------------------------------


def test_renewal_moves_expiration_from_the_current_expiration(mainland):
    """Renewing 3 months adds 3 months to the current expiration time."""
    before = mainland.expires_at
    pay(renew(mainland, 3))
    assert fresh(mainland).expires_at == add_months(before, 3)


def test_renewal_of_an_expired_package_runs_from_now(mainland):
    """An expired package's renewal starts now, not at its old expiration."""
    set_expiry(mainland, timezone.now() - timedelta(days=3))
    started = timezone.now()
    pay(renew(mainland, 1))
    expires_at = fresh(mainland).expires_at
    assert add_months(started, 1) <= expires_at <= add_months(timezone.now(), 1)


def test_renewal_price_is_the_quote_for_the_duration(mainland, user):
    """2 Mbps Mainland China for 1 year costs 10 months: 68 x 10 = USD 680.00."""
    start = balance(user)
    order = renew(mainland, 12)
    assert (order.order_type, order.amount) == ("Renew", Decimal("680.00"))
    pay(order)
    assert balance(user) == start - Decimal("680.00")


def test_renewal_refused_without_balance_changes_nothing(mainland, user):
    """Not enough balance: refused, no charge, expiration unchanged."""
    balance_set(user, Decimal("10.00"))
    before = fresh(mainland).expires_at
    order = renew(mainland, 1)
    with pytest.raises(ValidationError, match="not enough"):
        pay(order)
    assert (fresh(mainland).expires_at, balance(user)) == (before, Decimal("10.00"))
    assert Order.objects.get(pk=order.pk).status == "Unpaid"


def test_renewal_with_the_same_key_is_one_order(mainland):
    """Resubmitting Renew's Buy Now with the same key gives the same order."""
    assert renew(mainland, 1, key="k") == renew(mainland, 1, key="k")
    assert Order.objects.filter(order_type="Renew").count() == 1


def test_renewal_audits_the_new_expiration(mainland):
    """A renewal leaves an audit record with the old and new expiration."""
    pay(renew(mainland, 1))
    record = AuditRecord.objects.for_target(mainland).get(action="package.renewed")
    assert record.changes["expires_at"][1].startswith(str(fresh(mainland).expires_at.date()))


# --- Upgrade and downgrade ----------------------------------------------------------------------


def test_upgrade_costs_the_monthly_difference_prorated_by_hours_left(mainland):
    """2 -> 4 Mbps with 360 of 720 hours left: (4 - 2) x 34 x 360 / 720 = USD 34.00."""
    set_expiry(mainland, timezone.now() + timedelta(hours=360) - timedelta(seconds=30))
    order = resize(mainland, 4)
    assert (order.order_type, order.previous_bandwidth, order.bandwidth, order.amount) == (
        "Upgrade",
        2,
        4,
        Decimal("34.00"),
    )


def test_upgrade_with_a_partial_hour_counts_the_started_hour(mainland):
    """2 -> 3 Mbps with 10.5 hours left bills 11 hours: 34 x 11 / 720 = USD 0.52."""
    set_expiry(mainland, timezone.now() + timedelta(hours=10, minutes=30))
    assert resize(mainland, 3).amount == Decimal("0.52")


def test_paid_upgrade_changes_the_bandwidth_and_charges_once(mainland, user):
    """Paying an upgrade sets the new bandwidth and charges the order's amount, once."""
    start = balance(user)
    order = resize(mainland, 20)
    pay(order)
    pay(order)
    assert fresh(mainland).bandwidth == 20
    assert balance(user) == start - order.amount


def test_downgrade_costs_nothing_and_refunds_the_given_up_share_of_what_was_paid(mainland, user):
    """A downgrade costs USD 0.00, lowers the bandwidth and refunds, as a Refund order, the share of
    what was paid for the time left that the bandwidth given up held: 10 -> 5 Mbps returns half of
    the unused value of the purchase and of the upgrade."""
    upgrade = pay(resize(mainland, 10, key="up"))
    start = balance(user)
    terms = list(mainland.orders.filter(status="Paid").order_by("paid_at", "pk"))
    moment = fresh(mainland).expires_at - timedelta(days=12, hours=5)
    with time_machine.travel(moment, tick=False):
        order = resize(mainland, 5, key="down")
        assert (order.order_type, order.amount) == ("Downgrade", Decimal("0.00"))
        pay(order)
    refund = Order.objects.get(package=mainland, order_type=Order.Type.REFUND)
    unused = sum(term.amount * Decimal((term.term_end - moment) / (term.term_end - term.term_start)) for term in terms)
    assert upgrade in terms and len(terms) == 2
    expected = (unused / 2).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert abs(refund.amount - expected) <= Decimal("0.01") and refund.status == Order.Status.REFUNDED
    assert (fresh(mainland).bandwidth, balance(user)) == (5, start + refund.amount)


def test_downgrade_below_region_connections_is_refused_with_their_sum(mainland, user):
    """A downgrade below what the connections use is refused; the message names the sum."""
    pay(resize(mainland, 10, key="up"))
    network_services.region_connection_set(
        owner=user,
        cen_instance_id=mainland.cen_instance_id,
        package_id=mainland.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=6,
    )
    with pytest.raises(ValidationError, match="lower than 6 Mbps"):
        resize(mainland, 5, key="down")
    assert resize(mainland, 6, key="down-ok").order_type == "Downgrade"


def test_downgrade_of_a_cross_border_package_is_refused(cen_instance):
    """Mainland China <-> North America cannot be downgraded."""
    package = buy_package(cen_instance, bandwidth=10)
    with pytest.raises(ValidationError, match="cross-border"):
        resize(package, 5)


def test_resize_to_the_same_bandwidth_is_refused(mainland):
    """The new bandwidth must differ from the current one."""
    with pytest.raises(ValidationError, match="already has 2 Mbps"):
        resize(mainland, 2)


@pytest.mark.parametrize("bandwidth", [1, 10_001, "5", 2.5])
def test_resize_outside_the_range_is_refused(mainland, bandwidth):
    """New bandwidth must be a whole number from 2 to 10,000."""
    with pytest.raises(ValidationError, match="whole number"):
        resize(mainland, bandwidth)


def test_resize_of_an_expired_package_is_refused(mainland):
    """An expired package must be renewed before its bandwidth changes."""
    set_expiry(mainland, timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="has expired"):
        resize(mainland, 4)


def test_stale_resize_order_cannot_be_paid(mainland):
    """An order made for 2 Mbps cannot be paid after the bandwidth changed elsewhere: it is
    cancelled, and the refusal says what changed."""
    first, second = resize(mainland, 4, key="a"), resize(mainland, 8, key="b")
    pay(first)
    with pytest.raises(ValidationError, match="bandwidth 2 Mbps → 4 Mbps"):
        pay(second)
    assert fresh(mainland).bandwidth == 4
    assert Order.objects.get(pk=second.pk).status == Order.Status.CANCELLED


def test_another_accounts_package_cannot_be_renewed_or_resized(mainland, other_user):
    """Renew and resize refuse another account's package."""
    for create in (
        lambda: services.order_create_renewal(
            terms_agreed=True, owner=other_user, idempotency_key="x", package_id=mainland.pk, duration_months=1
        ),
        lambda: services.order_create_resize(
            terms_agreed=True, owner=other_user, idempotency_key="y", package_id=mainland.pk, bandwidth=4
        ),
    ):
        with pytest.raises(ValidationError, match="Select one of your bandwidth packages"):
            create()


# --- Auto-renewal -------------------------------------------------------------------------------


def test_auto_renewal_is_saved_and_audited(mainland, user):
    """Turning auto-renewal on for 3 months is stored and audited."""
    services.package_set_auto_renewal(owner=user, package_id=mainland.pk, auto_renewal=True, auto_renewal_months=3)
    assert (fresh(mainland).auto_renewal, fresh(mainland).auto_renewal_months) == (True, 3)
    assert AuditRecord.objects.for_target(mainland).filter(action="package.auto_renewal_changed").exists()


@pytest.mark.parametrize("months", [0, 4, 6, 12])
def test_auto_renewal_period_must_be_one_to_three_months(mainland, user, months):
    """Auto-renewal renews 1, 2 or 3 months at a time."""
    with pytest.raises(ValidationError):
        services.package_set_auto_renewal(
            owner=user, package_id=mainland.pk, auto_renewal=True, auto_renewal_months=months
        )


# --- Time passing -------------------------------------------------------------------------------


def test_expiry_without_auto_renewal_is_recorded_once(mainland):
    """At expiration the expiry is recorded (Normal -> FinancialLocked), once however often it runs."""
    after = mainland.expires_at + timedelta(minutes=1)
    assert services.subscriptions_process(now=after)["expired"] == 1
    assert services.subscriptions_process(now=after)["expired"] == 0
    record = AuditRecord.objects.for_target(mainland).get(action="package.expired")
    assert record.changes == {"business_status": ["Normal", "FinancialLocked"]}


def test_package_past_its_expiration_is_financially_locked(mainland):
    """A package whose expiration time has passed reports FinancialLocked and shows as Expired."""
    assert mainland.business_status == "Normal"
    assert set_expiry(mainland, timezone.now() - timedelta(seconds=1)).business_status == "FinancialLocked"


def test_auto_renewal_renews_at_expiration_when_the_balance_allows(mainland, user):
    """Auto-renewal for 2 months: charged USD 136, expiration moves 2 months, a paid Renew order."""
    services.package_set_auto_renewal(owner=user, package_id=mainland.pk, auto_renewal=True, auto_renewal_months=2)
    expired_at, start = mainland.expires_at, balance(user)
    done = services.subscriptions_process(now=expired_at + timedelta(minutes=1))
    services.subscriptions_process(now=expired_at + timedelta(minutes=2))
    assert done["auto_renewed"] == 1
    assert fresh(mainland).expires_at == add_months(expired_at, 2)
    assert balance(user) == start - Decimal("136.00")
    assert Order.objects.filter(package=mainland, order_type="Renew", status="Paid").count() == 1
    assert AuditRecord.objects.for_target(mainland).filter(action="package.auto_renewed").count() == 1


def test_auto_renewal_without_balance_lets_the_package_expire(mainland, user):
    """Too little balance: no charge, the package expires, and the audit record says why."""
    services.package_set_auto_renewal(owner=user, package_id=mainland.pk, auto_renewal=True, auto_renewal_months=1)
    balance_set(user, Decimal("5.00"))
    assert services.subscriptions_process(now=mainland.expires_at + timedelta(minutes=1))["expired"] == 1
    assert balance(user) == Decimal("5.00")
    record = AuditRecord.objects.for_target(mainland).get(action="package.expired")
    assert "Auto-renewal failed" in record.note


def test_package_is_released_after_the_grace_period(mainland):
    """15 days after expiration the package is released, like an approved ticket, and audited."""
    expired_at = mainland.expires_at
    services.subscriptions_process(now=expired_at + timedelta(days=14, hours=23))
    assert fresh(mainland).released_at is None
    done = services.subscriptions_process(now=expired_at + timedelta(days=15, minutes=1))
    package = fresh(mainland)
    assert done["released"] == 1
    assert (package.status, package.cen_instance_id, package.released_by) == ("Released", None, None)
    assert AuditRecord.objects.for_target(package).filter(action="package.released").exists()


def test_renewal_after_expiry_prevents_the_release(mainland):
    """A package renewed within the grace period is not released."""
    set_expiry(mainland, timezone.now() - timedelta(days=10))
    pay(renew(mainland, 1))
    services.subscriptions_process(now=timezone.now() + timedelta(days=6))
    assert fresh(mainland).released_at is None


def test_command_takes_now_and_reports(mainland, capsys):
    """process_subscriptions --now processes as of that time and prints what it did."""
    call_command("process_subscriptions", now=(mainland.expires_at + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%MZ"))
    assert "1 expired" in capsys.readouterr().out
