"""Per-account quotas (issue 19): CEN instances, unpaid orders and bandwidth packages, refused by the
services with a clear message for the console and the real API's quota code for SDKs."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cenconsole.api import services as api_services
from cenconsole.bandwidth.models import Order
from cenconsole.cen import services as cen_services
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, api_call
from tests.bandwidth.test_views import form_data
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package, order_purchase

pytestmark = pytest.mark.django_db
AREA_PAIRS = [("China", "North-America"), ("China", "Europe"), ("Asia-Pacific", "Europe"), ("Europe", "Europe")]


def codes(error: ValidationError) -> set[str]:
    return {item.code for item in error.error_list}


@pytest.fixture
def api(user):
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    return lambda action, **parameters: api_call(Client(), action, **parameters)


# CEN instances -----------------------------------------------------------------------------------


def test_cen_instances_past_the_quota_are_refused(user, settings):
    """QUOTA_CEN_INSTANCES instances are made; the next is refused and not made."""
    settings.QUOTA_CEN_INSTANCES = 2
    for _ in range(2):
        cen_services.cen_instance_create(owner=user, name="ok")
    with pytest.raises(ValidationError) as refused:
        cen_services.cen_instance_create(owner=user, name="one-too-many")
    assert codes(refused.value) == {"quota_cen_instances"}
    assert CenInstance.objects.filter(owner=user).count() == 2


def test_deleted_cen_instances_do_not_count(user, settings):
    """A deleted instance frees its place in the quota."""
    settings.QUOTA_CEN_INSTANCES = 1
    instance = cen_services.cen_instance_create(owner=user, name="first")
    cen_services.cen_instance_delete(owner=user, cen_id=instance.pk)
    assert cen_services.cen_instance_create(owner=user, name="second").pk


def test_the_console_shows_the_cen_quota(client_user, user, settings):
    """Create CEN Instance past the quota shows why on the form."""
    settings.QUOTA_CEN_INSTANCES = 1
    CenInstanceFactory(owner=user)
    response = client_user.post("/cen/instances/create/", {"name": "more", "description": ""})
    assert response.status_code == 200
    assert "already has 1 CEN instances, the most it can have" in response.content.decode()


def test_create_cen_past_the_quota_answers_the_real_code(api, user, settings):
    """CreateCen past the quota: QuotaExceeded.CenCountExceeded, and no instance."""
    settings.QUOTA_CEN_INSTANCES = 1
    assert api("CreateCen", Name="first").status == 200
    refused = api("CreateCen", Name="second")
    assert (refused.status, refused.code) == (400, "QuotaExceeded.CenCountExceeded")
    assert CenInstance.objects.filter(owner=user).count() == 1


# Unpaid orders -------------------------------------------------------------------------------------


def test_unpaid_orders_past_the_quota_are_refused(cen_instance, settings):
    """QUOTA_UNPAID_ORDERS unpaid orders are placed; the next Buy Now is refused and places nothing."""
    settings.QUOTA_UNPAID_ORDERS = 2
    for area_a, area_b in AREA_PAIRS[:2]:
        order_purchase(cen_instance, area_a_code=area_a, area_b_code=area_b)
    with pytest.raises(ValidationError) as refused:
        order_purchase(cen_instance, area_a_code="Asia-Pacific", area_b_code="Europe")
    assert codes(refused.value) == {"quota_unpaid_orders"}
    assert Order.objects.filter(owner=cen_instance.owner).count() == 2


def test_lapsed_orders_do_not_count(cen_instance, settings, time_machine):
    """An order past its payment deadline no longer takes a place among the unpaid ones."""
    settings.QUOTA_UNPAID_ORDERS = 1
    time_machine.move_to(clock.real_now(), tick=False)
    order_purchase(cen_instance)
    time_machine.shift(timedelta(hours=settings.ORDER_PAYMENT_WINDOW_HOURS, minutes=1))
    assert order_purchase(cen_instance, area_a_code="China", area_b_code="Europe").pk


def test_the_same_idempotency_key_returns_its_order_even_at_the_quota(cen_instance, settings):
    """A retried Buy Now (same key) at the quota gets its own order back, not a refusal."""
    settings.QUOTA_UNPAID_ORDERS = 1
    order = order_purchase(cen_instance, idempotency_key="retry-me")
    assert order_purchase(cen_instance, idempotency_key="retry-me").pk == order.pk


def test_unpaid_orders_past_the_quota_through_the_api(api, cen_instance, settings):
    """CreateCenBandwidthPackage AutoPay=false past the quota: QuotaExceeded.UnpaidOrders, no order."""
    settings.QUOTA_UNPAID_ORDERS = 1
    order_purchase(cen_instance)
    refused = api(
        "CreateCenBandwidthPackage",
        GeographicRegionAId="China",
        GeographicRegionBId="Europe",
        Bandwidth="2",
        AutoPay="false",
    )
    assert (refused.status, refused.code) == (400, "QuotaExceeded.UnpaidOrders")
    assert Order.objects.filter(owner=cen_instance.owner).count() == 1


# Bandwidth packages --------------------------------------------------------------------------------


def test_bandwidth_packages_past_the_quota_are_refused(cen_instance, settings):
    """QUOTA_BANDWIDTH_PACKAGES counts held packages and unpaid Buy orders; the next Buy Now is refused."""
    settings.QUOTA_BANDWIDTH_PACKAGES = 2
    buy_package(cen_instance)
    order_purchase(cen_instance, area_a_code="China", area_b_code="Europe")
    with pytest.raises(ValidationError) as refused:
        order_purchase(cen_instance, area_a_code="Asia-Pacific", area_b_code="Europe")
    assert codes(refused.value) == {"quota_bandwidth_packages"}


def test_the_console_shows_the_package_quota(client_user, cen_instance, settings):
    """Buy Now past the package quota says why on the purchase page."""
    settings.QUOTA_BANDWIDTH_PACKAGES = 1
    buy_package(cen_instance)
    response = client_user.post("/cen/bandwidth-packages/buy/", form_data(cen_instance, area_b_code="Europe"))
    assert response.status_code == 200
    assert "already has 1 bandwidth packages" in response.content.decode()
    assert Order.objects.filter(owner=cen_instance.owner).count() == 1


def test_bandwidth_packages_past_the_quota_through_the_api(api, cen_instance, settings):
    """CreateCenBandwidthPackage past the package quota: QuotaExceeded.CenBandwidthPackageCount."""
    settings.QUOTA_BANDWIDTH_PACKAGES = 1
    buy_package(cen_instance)
    refused = api("CreateCenBandwidthPackage", GeographicRegionAId="China", GeographicRegionBId="Europe", Bandwidth="2")
    assert (refused.status, refused.code) == (400, "QuotaExceeded.CenBandwidthPackageCount")


# Races (PostgreSQL) --------------------------------------------------------------------------------


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_create_cen_stay_within_the_quota(user, settings):
    """Ten CreateCen at once with a quota of three make three instances."""
    settings.QUOTA_CEN_INSTANCES = 3
    at_once(*[lambda: cen_services.cen_instance_create(owner=user, name="raced") for _ in range(10)])
    assert CenInstance.objects.filter(owner=user).count() == 3


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_buy_now_stay_within_the_unpaid_order_quota(cen_instance, settings):
    """Four Buy Now at once (four area pairs) with a quota of two unpaid orders place two."""
    settings.QUOTA_UNPAID_ORDERS = 2
    at_once(*[(lambda a=a, b=b: order_purchase(cen_instance, area_a_code=a, area_b_code=b)) for a, b in AREA_PAIRS])
    assert Order.objects.filter(owner=cen_instance.owner).count() == 2


def test_another_accounts_unpaid_orders_do_not_count_toward_the_quota(cen_instance, other_user, settings):
    """Another account at the unpaid-order quota takes no place from this one: its Buy Now is placed."""
    settings.QUOTA_UNPAID_ORDERS = 1
    order_purchase(CenInstanceFactory(owner=other_user))
    assert order_purchase(cen_instance).owner == cen_instance.owner
    assert Order.objects.filter(status=Order.Status.UNPAID).count() == 2
