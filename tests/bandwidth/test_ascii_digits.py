"""Bandwidth is typed with the digits 0-9: "٣" (Arabic-Indic three) is refused, not bought as 3 Mbps."""

import pytest
from django.urls import reverse

from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.core.forms import ASCII_DIGITS_ONLY
from tests.factories import buy_package

pytestmark = pytest.mark.django_db

BUY_URL = "/cen/bandwidth-packages/buy/"


def purchase_form(cen_instance, bandwidth):
    return {
        "cen_instance_id": cen_instance.pk,
        "area_a_code": "China",
        "area_b_code": "China",
        "bandwidth": bandwidth,
        "name": "",
        "description": "",
        "duration_months": "1",
        "auto_renewal_months": "1",
        "idempotency_key": "k",
        "terms_agreed": "on",
    }


def test_purchase_refuses_bandwidth_in_arabic_indic_digits(client_user, cen_instance):
    """Buy Now with Bandwidth "٣" re-renders the form with the digits error beside Bandwidth; no order."""
    response = client_user.post(BUY_URL, purchase_form(cen_instance, "٣"))
    assert response.status_code == 200
    assert response.context["form"].errors["bandwidth"] == [str(ASCII_DIGITS_ONLY)]
    assert not Order.objects.exists()


def test_resize_refuses_bandwidth_in_arabic_indic_digits(client_user, cen_instance):
    """Upgrade with New bandwidth "٨" re-renders the form with the digits error; the package keeps its bandwidth."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    orders = Order.objects.count()
    response = client_user.post(
        reverse("bandwidth:package_upgrade", args=[package.pk]),
        {"idempotency_key": "u", "bandwidth": "٨", "terms_agreed": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["bandwidth"] == [str(ASCII_DIGITS_ONLY)]
    assert Order.objects.count() == orders
    assert BandwidthPackage.objects.get(pk=package.pk).bandwidth == 2
