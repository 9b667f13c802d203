"""The real console's purchase details: the Terms of Service on every Buy Now, the service period on
the order and the success page, actions a package cannot take shown disabled with their reason, and the
success page's links."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.pricing import add_months
from cenconsole.core import clock
from tests.factories import buy_package, open_ticket, order_purchase, purchase_args

pytestmark = pytest.mark.django_db

BUY_URL = "/cen/bandwidth-packages/buy/"
TERMS = "I have read and agree to the Terms of Service"


def purchase_form(cen_instance, **overrides):
    data = {
        "cen_instance_id": cen_instance.pk,
        "area_a_code": "China",
        "area_b_code": "China",
        "bandwidth": "2",
        "name": "",
        "description": "",
        "duration_months": "1",
        "auto_renewal_months": "1",
        "idempotency_key": uuid.uuid4().hex,
        "terms_agreed": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def terms_error(response, message=services.TERMS_NOT_AGREED):
    assert response.status_code == 200
    assert response.context["form"].errors["terms_agreed"] == [message]
    assert re.search(r'id="id_terms_agreed_error"[^>]*><span[^>]*><strong>' + re.escape(message), response.text)


@pytest.fixture
def mainland(cen_instance):
    return buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)


# Terms of Service ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["buy", "renew", "upgrade", "downgrade"])
def test_every_buy_now_page_asks_for_the_terms_of_service_linking_the_terms_page(client_user, mainland, page):
    """Buy, Renew, Upgrade and Downgrade show the unticked agreement, its label linking /terms/."""
    url = BUY_URL if page == "buy" else reverse(f"bandwidth:package_{page}", args=[mainland.pk])
    content = client_user.get(url).text
    checkbox = re.search(r'<input type="checkbox" name="terms_agreed" id="id_terms_agreed"[^>]*>', content).group(0)
    assert "checked" not in checkbox
    assert f'I have read and agree to the <a href="{reverse("terms")}" target="_blank"' in content


def test_terms_page_shows_the_terms(client_user):
    """/terms/ is the replica's short Terms of Service, saying that ordering through the API accepts them."""
    response = client_user.get(reverse("terms"))
    assert response.status_code == 200
    assert '<h1 class="page-title">Terms of Service</h1>' in response.text
    assert "through the API accepts them too" in response.text


def test_buy_now_without_the_terms_is_refused_and_orders_nothing(client_user, cen_instance):
    """Buy Now with every field right but the Terms of Service unticked: the form says so; no order."""
    terms_error(client_user.post(BUY_URL, purchase_form(cen_instance, terms_agreed=None)))
    assert not Order.objects.exists()


def test_buy_now_refusal_names_the_terms_beside_the_other_fields(client_user, cen_instance):
    """Unticked terms and a bad bandwidth are refused together, each beside its field."""
    response = client_user.post(BUY_URL, purchase_form(cen_instance, terms_agreed=None, bandwidth="1"))
    assert set(response.context["form"].errors) == {"terms_agreed", "bandwidth"}
    assert not Order.objects.exists()


def test_renew_without_the_terms_is_refused_and_orders_nothing(client_user, mainland):
    """Renew's Pay without the Terms of Service: refused on the form (click Pay), no Renew order."""
    url = reverse("bandwidth:package_renew", args=[mainland.pk])
    terms_error(client_user.post(url, {"idempotency_key": "r", "duration_months": 1}), services.TERMS_NOT_AGREED_PAY)
    assert not Order.objects.filter(order_type="Renew").exists()


@pytest.mark.parametrize(("page", "bandwidth"), [("upgrade", 20), ("downgrade", 5)])
def test_resize_without_the_terms_is_refused_and_orders_nothing(client_user, mainland, page, bandwidth):
    """Upgrade's and Downgrade's Buy Now without the Terms of Service: refused, the bandwidth unchanged."""
    url = reverse(f"bandwidth:package_{page}", args=[mainland.pk])
    terms_error(client_user.post(url, {"idempotency_key": "s", "bandwidth": bandwidth}))
    assert not Order.objects.filter(order_type__in=["Upgrade", "Downgrade"]).exists()
    assert BandwidthPackage.objects.get(pk=mainland.pk).bandwidth == 10


def test_the_services_refuse_every_order_without_the_terms(cen_instance, mainland):
    """The Buy, Renew and resize services themselves refuse an order without the agreement."""
    owner = cen_instance.owner
    orders = Order.objects.count()
    calls = [
        lambda: services.order_create_purchase(
            owner=owner, idempotency_key="b", terms_agreed=False, **purchase_args(cen_instance, area_b_code="Europe")
        ),
        lambda: services.order_create_renewal(
            owner=owner, idempotency_key="r", package_id=mainland.pk, duration_months=1, terms_agreed=False
        ),
        lambda: services.order_create_resize(
            owner=owner, idempotency_key="u", package_id=mainland.pk, bandwidth=20, terms_agreed=False
        ),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.message_dict == {"terms_agreed": [services.TERMS_NOT_AGREED]}
    assert Order.objects.count() == orders


def test_live_update_of_the_purchase_form_does_not_ask_for_the_terms_yet(client_user, cen_instance):
    """The form's live update (a GET) shows no refusal for the unticked agreement: Buy Now asks."""
    response = client_user.get(BUY_URL, purchase_form(cen_instance, terms_agreed=None), HTTP_HX_REQUEST="true")
    assert "terms_agreed" not in response.context["form"].errors


# Honest defaults -----------------------------------------------------------------------------------


def test_purchase_page_starts_with_area_b_equal_to_area_a(client_user, cen_instance):
    """Area B starts as Area A (Mainland China): no cross-border notice, the same-area price."""
    content = client_user.get(BUY_URL).text
    for field in ("area_a_code", "area_b_code"):
        select = re.search(rf'<select name="{field}".*?</select>', content, re.S).group(0)
        assert re.search(r'<option value="China" selected[ >]', select), field
    assert re.search(r'id="cross-border-text" hidden', content)  # no notice: the pair is not cross-border


# Service period ------------------------------------------------------------------------------------


def service_period(content):
    return re.search(r'<dd id="service-period">([^<]+)</dd>', content).group(1)


def test_order_confirmation_shows_the_service_period_from_now(client_user, cen_instance):
    """A 3-month Buy order's confirmation says the period it pays for: from now to 3 months on."""
    order = order_purchase(cen_instance, area_b_code="China", duration_months=3)
    start = clock.now()
    shown = service_period(client_user.get(reverse("bandwidth:order_detail", args=[order.pk])).text)
    assert shown == f"{start:%Y-%m-%d %H:%M} to {add_months(start, 3):%Y-%m-%d %H:%M} UTC"


def test_renewal_confirmation_period_starts_at_the_current_expiration(client_user, mainland):
    """A Renew order's period runs from the package's expiration time, one month on."""
    order = services.order_create_renewal(
        owner=mainland.owner, idempotency_key="r", package_id=mainland.pk, duration_months=1, terms_agreed=True
    )
    shown = service_period(client_user.get(reverse("bandwidth:order_detail", args=[order.pk])).text)
    end = add_months(mainland.expires_at, 1)
    assert shown == f"{mainland.expires_at:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} UTC"


def test_success_page_shows_the_period_paid_for_on_the_accounts_clock(client_user, user, cen_instance):
    """On an account whose clock is 40 days ahead, the paid order's period starts on that clock."""
    type(user).objects.filter(pk=user.pk).update(clock_offset=timedelta(days=40))
    with clock.account_time(timedelta(days=40)):
        order = services.order_pay(owner=user, order_id=order_purchase(cen_instance, area_b_code="China").pk)
    order.refresh_from_db()
    assert order.term_start - clock.real_now() > timedelta(days=39)
    assert order.term_end == order.package.expires_at
    page = client_user.get(reverse("bandwidth:order_success", args=[order.pk])).text
    expected = f"{order.term_start:%Y-%m-%d %H:%M} to {order.term_end:%Y-%m-%d %H:%M} UTC"
    assert service_period(page) == expected


def test_success_page_links_the_new_package_and_its_cen_instance(client_user, cen_instance):
    """After Pay, the new package's ID links to its row on the CEN's tab and the CEN ID to the CEN page."""
    package = buy_package(cen_instance, area_b_code="China")
    order = package.orders.get()
    page = client_user.get(reverse("bandwidth:order_success", args=[order.pk])).text
    tab = reverse("bandwidth:cen_tab", args=[cen_instance.pk])
    assert f'<a class="resource-id" id="new-package-id" href="{tab}#{package.pk}">{package.pk}</a>' in page
    cen_page = reverse("cen:instance_detail", args=[cen_instance.pk])
    assert f'<a class="resource-id" id="new-package-cen" href="{cen_page}">{cen_instance.pk}</a>' in page
    assert f'<tr id="{package.pk}">' in client_user.get(tab).text  # the link's target


# Actions a package cannot take ---------------------------------------------------------------------


def disabled_action(content, package, label):
    """The row's `label` action: a dimmed link with no href, and the text of the reason it points to."""
    match = re.search(
        rf'<a role="link" tabindex="0" aria-disabled="true" class="action-disabled" '
        rf'aria-describedby="({re.escape(package.pk)}-[a-z_]+)">{label}</a>',
        content,
    )
    assert match, f"{label} is not shown disabled"
    reason = re.search(rf'id="{match.group(1)}">([^<]+)<', content)
    return reason.group(1)


def test_cross_border_downgrade_is_shown_disabled_with_its_reason(client_user, cen_instance):
    """A cross-border package's Downgrade is disabled with "Cross-border packages cannot be downgraded.";
    Upgrade and Renew stay links."""
    package = buy_package(cen_instance)  # Mainland China <-> North America
    for url in (reverse("bandwidth:cen_tab", args=[cen_instance.pk]), reverse("bandwidth:package_list")):
        content = client_user.get(url).text
        assert disabled_action(content, package, "Downgrade") == "Cross-border packages cannot be downgraded."
        assert reverse("bandwidth:package_downgrade", args=[package.pk]) not in content
        assert f'href="{reverse("bandwidth:package_upgrade", args=[package.pk])}"' in content
        assert f'href="{reverse("bandwidth:package_renew", args=[package.pk])}"' in content


def test_pending_ticket_disables_renew_upgrade_and_downgrade_with_the_reason(client_user, cen_instance, mainland):
    """With a deletion ticket pending, Renew, Upgrade and Downgrade are disabled, each described by
    "Not available while a deletion ticket is pending."; Auto-renewal and the ticket stay links."""
    open_ticket(mainland)
    content = client_user.get(reverse("bandwidth:cen_tab", args=[cen_instance.pk])).text
    for label in ("Renew", "Upgrade", "Downgrade"):
        assert disabled_action(content, mainland, label) == "Not available while a deletion ticket is pending."
    for name in ("package_renew", "package_upgrade", "package_downgrade"):
        assert reverse(f"bandwidth:{name}", args=[mainland.pk]) not in content
    assert f'href="{reverse("bandwidth:package_auto_renewal", args=[mainland.pk])}"' in content
    assert "Deletion Requested</a>" in content


def test_a_plain_mainland_package_offers_every_action(client_user, cen_instance, mainland):
    """A same-side package without a ticket has no disabled action."""
    content = client_user.get(reverse("bandwidth:cen_tab", args=[cen_instance.pk])).text
    assert 'aria-disabled="true"' not in content


def test_renew_page_of_a_package_with_a_pending_ticket_disables_pay_with_the_reason(client_user, mainland):
    """Opened directly, Renew of a package with a pending deletion ticket says why beside a disabled Pay."""
    open_ticket(mainland)
    content = client_user.get(reverse("bandwidth:package_renew", args=[mainland.pk])).text
    reason = "Not available while a deletion ticket is pending."
    assert f'<p class="alert alert-warning mt-2" id="action-unavailable">{reason}</p>' in content
    assert 'disabled aria-describedby="action-unavailable">Pay</button>' in content


def test_downgrade_page_of_a_cross_border_package_disables_buy_now_with_the_reason(client_user, cen_instance):
    """Opened directly, Downgrade of a cross-border package says why beside a disabled Buy Now; Upgrade does not."""
    package = buy_package(cen_instance)
    content = client_user.get(reverse("bandwidth:package_downgrade", args=[package.pk])).text
    assert 'id="action-unavailable">Cross-border packages cannot be downgraded.</p>' in content
    assert 'disabled aria-describedby="action-unavailable">Buy Now</button>' in content
    upgrade = client_user.get(reverse("bandwidth:package_upgrade", args=[package.pk])).text
    assert 'id="action-unavailable"' not in upgrade
