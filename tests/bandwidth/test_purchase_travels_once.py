"""The purchase travels once: the form's fields are Buy Now's arguments, the order's fields become the
package's, and a resubmitted Buy Now finds its order whatever the rules say now."""

import inspect

import pytest

from cenconsole.bandwidth import services
from cenconsole.bandwidth.forms import PurchaseForm
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.services.orders import PACKAGE_TERMS
from tests.bandwidth.test_views import BUY_URL, form_data
from tests.factories import order_purchase

pytestmark = pytest.mark.django_db


def test_purchase_form_fields_are_buy_nows_arguments():
    """The purchase form names its fields as order_create_purchase takes them (the CEN ID search aside)."""
    arguments = set(inspect.signature(services.purchase_check).parameters) - {"owner"}
    arguments |= {"idempotency_key", "terms_agreed"}
    assert set(PurchaseForm.base_fields) - {"cen_search"} == arguments


def test_the_cleaned_purchase_form_is_passed_as_it_is(client_user, cen_instance):
    """Buy Now from the form orders exactly what the form held, through the one service."""
    data = form_data(
        cen_instance,
        area_b_code="Europe",
        bandwidth="12",
        name="from-the-form",
        description="said once",
        duration_months="3",
        auto_renewal="on",
        auto_renewal_months="2",
    )
    response = client_user.post(BUY_URL, data)
    assert response.status_code == 302, response.text[:300]
    order = Order.objects.get()
    assert (order.cen_instance_id, order.area_a_id, order.area_b_id, order.bandwidth) == (
        cen_instance.pk,
        "China",
        "Europe",
        12,
    )
    assert (order.name, order.description, order.duration_months, order.auto_renewal, order.auto_renewal_months) == (
        "from-the-form",
        "said once",
        3,
        True,
        2,
    )


def test_every_field_a_package_shares_with_its_orders_is_carried(cen_instance):
    """A field both models have (but each one's own id, account and creation time) is one of PACKAGE_TERMS,
    so a field added to both is carried from the order to its package, or this test says it is not."""
    package_fields = {field.attname for field in BandwidthPackage._meta.concrete_fields}
    shared = {field.attname for field in Order._meta.concrete_fields if field.attname in package_fields}
    assert shared - {"id", "owner_id", "created_at"} == set(PACKAGE_TERMS)


def test_paid_buy_order_gives_its_package_the_orders_fields(cen_instance):
    """Pay makes the package from the order's own fields, each as the order holds it."""
    order = order_purchase(
        cen_instance, bandwidth=7, name="carried", description="as ordered", auto_renewal=True, auto_renewal_months=3
    )
    package = services.order_pay(owner=cen_instance.owner, order_id=order.pk).package
    assert {field: getattr(package, field) for field in PACKAGE_TERMS} == {
        field: getattr(order, field) for field in PACKAGE_TERMS
    }
    assert package.owner == order.owner


def test_buy_now_resubmitted_after_pay_finds_its_order(cen_instance):
    """The same key after the order was paid returns that order, not the refusal its pair would now get."""
    order = order_purchase(cen_instance, idempotency_key="once")
    services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert order_purchase(cen_instance, idempotency_key="once").pk == order.pk
    assert Order.objects.count() == 1
