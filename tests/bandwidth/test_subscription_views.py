import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cenconsole.bandwidth.models import BandwidthPackage, Order, add_months
from tests.factories import UserFactory, buy_package, open_ticket

pytestmark = pytest.mark.django_db

PAGES = [
    "bandwidth:package_renew",
    "bandwidth:package_upgrade",
    "bandwidth:package_downgrade",
    "bandwidth:package_auto_renewal",
]


@pytest.fixture
def package(cen_instance):
    return buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)


@pytest.mark.parametrize("name", PAGES)
def test_pages_need_sign_in(client, package, name):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse(name, args=[package.pk]))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("name", PAGES)
def test_pages_answer_404_for_another_accounts_package(client, package, name):
    """Another account's package is not found, for GET and POST."""
    client.force_login(UserFactory())
    assert client.get(reverse(name, args=[package.pk])).status_code == 404
    assert client.post(reverse(name, args=[package.pk]), {}).status_code == 404


def test_package_row_links_renew_resize_and_auto_renewal(client_user, package):
    """The tab's row offers Renew, Upgrade, Downgrade and Auto-renewal, and shows auto-renewal state."""
    page = client_user.get(reverse("bandwidth:cen_tab", args=[package.cen_instance_id])).content.decode()
    for name in PAGES:
        assert reverse(name, args=[package.pk]) in page
    assert "Auto-renewal: Off" in page


def test_renew_page_shows_price_and_new_expiration(client_user, package):
    """Renew shows the summary, the duration choices, the price and the new expiration time."""
    page = client_user.get(reverse("bandwidth:package_renew", args=[package.pk])).content.decode()
    new_expiration = add_months(package.expires_at, 1)
    assert package.pk in page and "1 Year" in page and "USD 68.00" in page
    assert "New expiration time" in page and new_expiration.strftime("%Y-%m-%d") in page


def test_renew_live_update_returns_only_the_new_price(client_user, package):
    """An htmx GET with the form's values answers with the new price out of band, and no field."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    response = client_user.get(url, {"idempotency_key": "k", "duration_months": 12}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="renew-quote" hx-swap-oob="true">') and "USD 680.00" in body
    assert "<select" not in body and "<input" not in body


def test_renew_pay_places_and_pays_the_order_in_one_step(client_user, package):
    """Pay on Renew places the Renew order, pays it and lands on its success page; the same form again
    (a double click) finds the same paid order and charges nothing more."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    data = {"idempotency_key": "renew-key", "duration_months": 3, "terms_agreed": "on"}
    first = client_user.post(url, data)
    balance = type(package.owner).objects.get(pk=package.owner_id).balance
    second = client_user.post(url, data)
    order = Order.objects.get(order_type="Renew")
    assert order.is_paid and first.url == second.url == reverse("bandwidth:order_success", args=[order.pk])
    assert type(package.owner).objects.get(pk=package.owner_id).balance == balance


def test_renew_pay_moves_the_expiration_time(client_user, package):
    """A paid renewal of 3 months moves the package's expiration time 3 months on."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    client_user.post(url, {"idempotency_key": "k", "duration_months": 3, "terms_agreed": "on"})
    assert BandwidthPackage.objects.get(pk=package.pk).expires_at == add_months(package.expires_at, 3)


def test_renew_pay_with_low_balance_stays_on_the_page_and_charges_nothing(client_user, package):
    """Pay with a balance short of the price shows the refusal on the Renew page: no order, no charge."""
    type(package.owner).objects.filter(pk=package.owner_id).update(balance=1)
    url = reverse("bandwidth:package_renew", args=[package.pk])
    response = client_user.post(url, {"idempotency_key": "k", "duration_months": 3, "terms_agreed": "on"})
    assert response.status_code == 200 and "is not enough to pay USD 204.00" in response.content.decode()
    assert not Order.objects.filter(order_type="Renew").exists()
    assert type(package.owner).objects.get(pk=package.owner_id).balance == 1
    assert BandwidthPackage.objects.get(pk=package.pk).expires_at == package.expires_at


def test_renew_pay_of_a_package_pending_deletion_is_refused_on_the_page(client_user, package):
    """Pay on Renew of a package with an open deletion ticket is refused on the page; nothing charged."""
    open_ticket(package)
    balance = type(package.owner).objects.get(pk=package.owner_id).balance
    url = reverse("bandwidth:package_renew", args=[package.pk])
    response = client_user.post(url, {"idempotency_key": "k", "duration_months": 1, "terms_agreed": "on"})
    assert response.status_code == 200 and "pending deletion ticket" in response.content.decode()
    assert not Order.objects.filter(order_type="Renew").exists()
    assert type(package.owner).objects.get(pk=package.owner_id).balance == balance


def test_renew_pay_without_the_terms_asks_for_them(client_user, package):
    """Pay without the Terms of Service selected says to select them and click Pay; no order."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    response = client_user.post(url, {"idempotency_key": "k", "duration_months": 1})
    assert "Read and select the Terms of Service, then click Pay." in response.content.decode()
    assert not Order.objects.filter(order_type="Renew").exists()


def test_paid_renew_order_is_listed_on_the_orders_page(client_user, package):
    """The Renew order paid from the Renew page is on the Orders page, paid."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    client_user.post(url, {"idempotency_key": "k", "duration_months": 1, "terms_agreed": "on"})
    order = Order.objects.get(order_type="Renew")
    page = client_user.get(reverse("bandwidth:order_list")).content.decode()
    assert order.number in page and reverse("bandwidth:order_detail", args=[order.pk]) in page


def test_renew_with_unknown_duration_shows_the_error(client_user, package):
    """A duration outside the list is refused on the form; no order."""
    url = reverse("bandwidth:package_renew", args=[package.pk])
    response = client_user.post(url, {"idempotency_key": "k", "duration_months": 5, "terms_agreed": "on"})
    assert response.status_code == 200 and "Select a duration from the list." in response.content.decode()
    assert not Order.objects.filter(order_type="Renew").exists()


def test_upgrade_page_shows_the_price(client_user, package):
    """Upgrade with a new bandwidth shows the change and its prorated price."""
    url = reverse("bandwidth:package_upgrade", args=[package.pk])
    page = client_user.get(url, {"idempotency_key": "k", "bandwidth": 4}).content.decode()
    assert "Upgrade: 2 Mbps → 4 Mbps" in page


def test_downgrade_of_cross_border_package_shows_the_refusal(client_user, cen_instance):
    """Downgrade of a cross-border package re-renders the form with the reason and makes no order."""
    package = buy_package(cen_instance, bandwidth=10)
    url = reverse("bandwidth:package_downgrade", args=[package.pk])
    response = client_user.post(url, {"idempotency_key": "k", "bandwidth": 5, "terms_agreed": "on"})
    assert response.status_code == 200
    assert "A cross-border bandwidth package cannot be downgraded." in response.content.decode()
    assert not Order.objects.filter(order_type="Downgrade").exists()


def test_paying_an_upgrade_shows_the_new_bandwidth(client_user, package):
    """Buy Now then Pay on an upgrade ends on the success page with the new bandwidth."""
    url = reverse("bandwidth:package_upgrade", args=[package.pk])
    client_user.post(url, {"idempotency_key": "u", "bandwidth": 8, "terms_agreed": "on"})
    order = Order.objects.get(order_type="Upgrade")
    response = client_user.post(reverse("bandwidth:order_pay", args=[order.pk]), follow=True)
    assert "now has 8 Mbps" in response.content.decode()
    assert BandwidthPackage.objects.get(pk=package.pk).bandwidth == 8


def test_auto_renewal_form_saves(client_user, package):
    """Auto-renewal on for 2 months is saved and the row says so."""
    url = reverse("bandwidth:package_auto_renewal", args=[package.pk])
    response = client_user.post(url, {"auto_renewal": "on", "auto_renewal_months": 2}, follow=True)
    assert "Auto-renewal: On (2 Months)" in response.content.decode()


def test_auto_renewal_form_refuses_a_bad_period(client_user, package):
    """An auto-renewal period outside 1-3 months is shown as an error."""
    url = reverse("bandwidth:package_auto_renewal", args=[package.pk])
    response = client_user.post(url, {"auto_renewal": "on", "auto_renewal_months": 6})
    assert response.status_code == 200 and "Select a valid choice" not in response.content.decode()
    assert "Select an auto-renewal period of 1, 2 or 3 months." in response.content.decode()


def test_expired_package_shows_expired_on_the_tab(client_user, package):
    """A package past its expiration time reads Expired in the Status column."""
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    page = client_user.get(reverse("bandwidth:cen_tab", args=[package.cen_instance_id])).content.decode()
    assert "Expired" in page


def test_orders_page_lists_order_types(client_user, package):
    """The Orders page shows each order's type (Buy, Renew, Upgrade)."""
    client_user.post(
        reverse("bandwidth:package_renew", args=[package.pk]),
        {"idempotency_key": "r", "duration_months": 1, "terms_agreed": "on"},
    )
    client_user.post(
        reverse("bandwidth:package_upgrade", args=[package.pk]),
        {"idempotency_key": "u", "bandwidth": 4, "terms_agreed": "on"},
    )
    page = client_user.get(reverse("bandwidth:order_list")).content.decode()
    for order_type in ("Buy", "Renew", "Upgrade"):
        assert re.search(rf"<td[^>]*>{order_type}</td>", page)
