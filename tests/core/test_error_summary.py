"""Every refused form comes back with the error summary at the top of the page (GOV.UK's pattern): a box
titled "There is a problem", each field's error a link to that field, before the page's heading."""

import re
import uuid

import pytest

from tests.bandwidth.test_views import BUY_URL, form_data
from tests.factories import balance_set, buy_package, order_purchase

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="error-summary" id="error-summary" role="alert" tabindex="-1".*?</div>', re.S)


def summary_of(response):
    """The error summary's HTML, checked to come before the page's <h1>."""
    assert response.status_code == 200
    html = response.content.decode()
    match = SUMMARY.search(html)
    assert match, "no error summary"
    assert match.start() < html.index("<h1"), "the summary is not at the top"
    return match.group(0)


def test_buy_now_without_terms_lists_the_terms_as_a_link(client_user, cen_instance):
    """Buy Now without the Terms of Service: the summary links the Terms checkbox."""
    response = client_user.post(BUY_URL, form_data(cen_instance, terms_agreed=None))
    summary = summary_of(response)
    assert "There is a problem" in summary
    assert re.search(r'<a href="#id_terms_agreed">[^<]*Terms of Service', summary)


def test_buy_now_with_two_errors_links_each_field(client_user, cen_instance):
    """Two refused fields: two links, each to its own field."""
    response = client_user.post(BUY_URL, form_data(cen_instance, terms_agreed=None, bandwidth="1"))
    summary = summary_of(response)
    assert '<a href="#id_bandwidth">' in summary and '<a href="#id_terms_agreed">' in summary


def test_live_update_shows_no_summary(client_user, cen_instance):
    """A live update (GET of the form's values) keeps its errors beside the fields, with no summary."""
    response = client_user.get(BUY_URL, form_data(cen_instance, bandwidth="1"))
    assert 'id="error-summary"' not in response.content.decode()


def test_renew_without_terms_shows_the_summary(client_user, cen_instance):
    """Renew's Buy Now without the Terms: the summary at the top links the checkbox."""
    package = buy_package(cen_instance)
    data = {"duration_months": "1", "idempotency_key": uuid.uuid4().hex}
    summary = summary_of(client_user.post(f"/cen/bandwidth-packages/{package.pk}/renew/", data))
    assert '<a href="#id_terms_agreed">' in summary


def test_upgrade_with_a_bad_bandwidth_shows_the_summary(client_user, cen_instance):
    """Upgrade's Buy Now with 1 Mbps: the summary links Bandwidth."""
    package = buy_package(cen_instance)
    data = {"bandwidth": "1", "terms_agreed": "on", "idempotency_key": uuid.uuid4().hex}
    summary = summary_of(client_user.post(f"/cen/bandwidth-packages/{package.pk}/upgrade/", data))
    assert '<a href="#id_bandwidth">' in summary


def test_pay_refused_shows_the_summary(client_user, user, cen_instance):
    """Pay above the balance: the refusal is the summary at the top of Confirm Order."""
    order = order_purchase(cen_instance)
    balance_set(user, "1.00")
    summary = summary_of(client_user.post(f"/cen/orders/{order.pk}/pay/"))
    assert "is not enough to pay" in summary


def test_create_cen_instance_refused_shows_the_summary(client_user):
    """Create CEN Instance with a name starting with http://: the summary links Name."""
    response = client_user.post("/cen/instances/create/", {"name": "http://x", "description": ""})
    assert '<a href="#id_name">' in summary_of(response)


def test_request_deletion_without_reason_shows_the_summary(client_user, cen_instance):
    """Request Deletion without a reason: the summary links Reason."""
    package = buy_package(cen_instance)
    response = client_user.post(f"/cen/bandwidth-packages/{package.pk}/request-deletion/", {"reason": ""})
    assert '<a href="#id_reason">' in summary_of(response)


def test_delete_cen_instance_refused_shows_the_summary(client_user, cen_instance):
    """Deleting an instance with a bound package: the refusal is the summary at the top."""
    buy_package(cen_instance)
    summary = summary_of(client_user.post(f"/cen/instances/{cen_instance.pk}/delete/"))
    assert "There is a problem" in summary


def test_auto_renewal_refused_shows_the_summary(client_user, cen_instance):
    """Auto-renewal with an unknown period: the summary links the period."""
    package = buy_package(cen_instance)
    data = {"auto_renewal": "on", "auto_renewal_months": "7"}
    response = client_user.post(f"/cen/bandwidth-packages/{package.pk}/auto-renewal/", data)
    assert '<a href="#id_auto_renewal_months">' in summary_of(response)


def test_attach_network_refused_shows_the_summary_above_the_instance(client_user, cen_instance):
    """Attach Network Instance without a region: the summary, above the CEN page, links Region."""
    response = client_user.post(f"/cen/instances/{cen_instance.pk}/networks/attach/", {"network_type": "VPC"})
    assert '<a href="#id_region">' in summary_of(response)


def test_create_transit_router_refused_shows_the_summary(client_user, cen_instance):
    """Create Transit Router with an unknown region: the summary links Region."""
    response = client_user.post(f"/cen/instances/{cen_instance.pk}/transit-routers/create/", {"region": "nowhere"})
    assert '<a href="#id_region">' in summary_of(response)


def test_bind_package_refused_shows_the_summary(client_user, cen_instance):
    """Bind Bandwidth Package with an unknown package: the summary links Bandwidth Package."""
    response = client_user.post(f"/cen/instances/{cen_instance.pk}/bandwidth-packages/bind/", {"package": "x"})
    assert '<a href="#id_package">' in summary_of(response)
