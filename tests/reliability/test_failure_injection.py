"""A failure at any step of a payment after the charge leaves neither a charge nor a change."""

from decimal import Decimal
from unittest import mock

import pytest

from cenconsole.accounts.models import User
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.services import settlement
from tests.factories import buy_package, order_purchase

pytestmark = pytest.mark.django_db


class Injected(Exception):
    """The fault injected into a step of the payment."""


# Each step that runs after the balance is charged, patched to fail.
STEPS_AFTER_CHARGE = {
    "package insert": lambda: mock.patch.object(BandwidthPackage, "save", side_effect=Injected),
    "audit record": lambda: mock.patch.object(settlement, "audit_record", side_effect=Injected),
    "order marked paid": lambda: mock.patch.object(Order, "save", side_effect=Injected),
}


def charged_then(step):
    """Lets the real charge run, then fails the given step."""
    real_charge = settlement.charge
    charged = []

    def charge(**kwargs):
        real_charge(**kwargs)
        charged.append(kwargs["amount"])

    return mock.patch.object(settlement, "charge", side_effect=charge), STEPS_AFTER_CHARGE[step](), charged


@pytest.mark.parametrize("step", STEPS_AFTER_CHARGE)
def test_failed_purchase_leaves_no_charge_and_no_package(cen_instance, user, step):
    """Buy: a fault after the charge rolls everything back: balance, package, order, audit."""
    order = order_purchase(cen_instance)
    charge_patch, step_patch, charged = charged_then(step)
    with charge_patch, step_patch, pytest.raises(Injected):
        services.order_pay(owner=user, order_id=order.pk)
    assert charged, "the charge ran before the fault"
    assert User.objects.get(pk=user.pk).balance == Decimal("10000.00")
    assert not BandwidthPackage.objects.exists()
    assert Order.objects.get(pk=order.pk).status == "Unpaid"
    assert not AuditRecord.objects.filter(action="package.bought").exists()


@pytest.mark.parametrize("step", ["audit record", "order marked paid"])
def test_failed_renewal_leaves_no_charge_and_no_new_expiration(cen_instance, user, step):
    """Renew: a fault after the charge leaves the balance and the expiration as they were."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    balance, expires_at = User.objects.get(pk=user.pk).balance, package.expires_at
    order = services.order_create_renewal(
        terms_agreed=True, owner=user, idempotency_key="r", package_id=package.pk, duration_months=1
    )
    charge_patch, step_patch, charged = charged_then(step)
    with charge_patch, step_patch, pytest.raises(Injected):
        services.order_pay(owner=user, order_id=order.pk)
    assert charged
    assert User.objects.get(pk=user.pk).balance == balance
    assert BandwidthPackage.objects.get(pk=package.pk).expires_at == expires_at
    assert Order.objects.get(pk=order.pk).status == "Unpaid"


def test_a_failed_payment_can_be_paid_again(cen_instance, user):
    """After a fault the same order pays normally, once."""
    order = order_purchase(cen_instance)
    charge_patch, step_patch, _ = charged_then("audit record")
    with charge_patch, step_patch, pytest.raises(Injected):
        services.order_pay(owner=user, order_id=order.pk)
    services.order_pay(owner=user, order_id=order.pk)
    assert BandwidthPackage.objects.count() == 1
    assert User.objects.get(pk=user.pk).balance == Decimal("10000.00") - order.amount
