"""Honest defaults and words: the purchase page starts on a pair the CEN instance does not have (taken pairs
marked in Area B), and a package shows one status word."""

import re

import pytest

from tests.bandwidth.test_views import BUY_URL
from tests.factories import buy_package

pytestmark = pytest.mark.django_db


def selected(field, html):
    """The value of the selected option of the select `id_<field>`."""
    select = re.search(rf'<select[^>]*id="id_{field}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


def option_text(field, value, html):
    select = re.search(rf'<select[^>]*id="id_{field}".*?</select>', html, re.S).group(0)
    return re.search(rf'<option value="{value}"[^>]*>([^<]*)</option>', select).group(1)


def test_a_fresh_instance_starts_on_mainland_china_with_itself(client_user, cen_instance):
    """No package yet: Mainland China <-> Mainland China, as before."""
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert (selected("area_a_code", html), selected("area_b_code", html)) == ("China", "China")


def test_after_buying_china_to_china_the_page_starts_on_an_untaken_pair(client_user, cen_instance):
    """With Mainland China <-> Mainland China bought, the page starts on Mainland China and another area."""
    buy_package(cen_instance, area_a_code="China", area_b_code="China")
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert selected("area_a_code", html) == "China"
    assert selected("area_b_code", html) == "North-America"  # the next area in the seed's table
    assert 'id="error_1_id_area_b_code"' not in html


def test_area_b_marks_the_pairs_already_bought(client_user, cen_instance):
    """Area B's options for a pair the instance has say "(already bought)"; the others do not."""
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert option_text("area_b_code", "North-America", html) == "North America (already bought)"
    assert option_text("area_b_code", "China", html) == "Mainland China"


def test_marks_follow_the_chosen_area_a(client_user, cen_instance):
    """Choosing North America as Area A marks Mainland China in Area B (the same pair, other way round)."""
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert "(already bought)" not in option_text("area_b_code", "Asia-Pacific", html)
    data = {
        "cen_instance_id": cen_instance.pk,
        "area_a_code": "North-America",
        "area_b_code": "North-America",
        "bandwidth": "10",
        "duration_months": "1",
        "idempotency_key": "k",
    }
    html = client_user.get(BUY_URL, data).content.decode()
    assert option_text("area_b_code", "China", html) == "Mainland China (already bought)"
    assert option_text("area_b_code", "North-America", html) == "North America"


def test_renew_page_shows_one_status_word_for_an_expired_package(client_user, cen_instance):
    """An expired bound package reads "Expired" with "bound to cen-…" beside it, not "In Use · Expired"."""
    from datetime import timedelta

    from cenconsole.bandwidth.models import BandwidthPackage
    from cenconsole.core import clock

    package = buy_package(cen_instance)
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=clock.now() - timedelta(hours=1))
    html = client_user.get(f"/cen/bandwidth-packages/{package.pk}/renew/").content.decode()
    status = re.search(r'<dd id="package-status">(.*?)</dd>', html, re.S).group(1)
    assert "In Use" not in status and "·" not in status
    assert status.startswith("Expired") and f"bound to {cen_instance.pk}" in status


def test_auto_renewal_period_is_ignored_while_auto_renewal_is_off(client_user, cen_instance):
    """Buy Now with Auto-renewal off and an unknown period: the order is made, with the default period."""
    from cenconsole.bandwidth.models import Order
    from tests.bandwidth.test_views import form_data

    response = client_user.post(BUY_URL, form_data(cen_instance, auto_renewal_months="7"))
    assert response.status_code == 302
    order = Order.objects.get()
    assert (order.auto_renewal, order.auto_renewal_months) == (False, 1)


def test_auto_renewal_period_says_it_is_used_only_when_on(client_user, cen_instance):
    """The period's note says it is used only with Auto-renewal on (the server ignores it otherwise)."""
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert (
        '<div id="id_auto_renewal_months_helptext" class="form-text">Used only when Auto-renewal is on.</div>' in html
    )


def test_bandwidth_shows_its_unit_beside_the_field(client_user, cen_instance):
    """Bandwidth has "Mbps" as an input-group suffix."""
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert re.search(
        r'<div class="input-group has-validation"><input [^>]*id="id_bandwidth"[^>]*>'
        r'<span class="input-group-text">Mbps</span>',
        html,
    )


def test_cen_search_has_a_visible_label(client_user, cen_instance):
    """The search box above CEN ID has a visible label."""
    html = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert '<label for="id_cen_search" class="form-label">Search CEN instances by ID or name</label>' in html
