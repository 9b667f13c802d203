import re
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.core import clock
from tests.factories import CenInstanceFactory, buy_package, order_purchase

pytestmark = pytest.mark.django_db

BUY_URL = "/cen/bandwidth-packages/buy/"
ORDERS_URL = "/cen/orders/"
HTMX = {"HTTP_HX_REQUEST": "true"}
SIGNUP_CREDIT = Decimal("10000.00")


def tab_url(cen_instance):
    return f"/cen/instances/{cen_instance.pk}/bandwidth-packages/"


def form_data(cen_instance, /, **overrides):
    """The purchase form as a browser posts it: 10 Mbps Mainland China <-> North America, one month."""
    data = {
        "cen_instance_id": cen_instance.pk,
        "area_a_code": "China",
        "area_b_code": "North-America",
        "bandwidth": "10",
        "name": "bwp-test",
        "description": "",
        "duration_months": "1",
        "auto_renewal_months": "1",
        "cross_border_agreed": "on",
        "terms_agreed": "on",
        "idempotency_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def assert_refused_on_form(response, field, message):
    """The purchase page came back (200) with `message` beside `field`, and no order was made."""
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert re.search(rf'id="error_\d+_id_{field}"[^>]*>\s*<strong>{re.escape(message)}</strong>', response.text)
    assert not Order.objects.exists()


def balance_of(user):
    user.refresh_from_db(fields=["balance"])
    return user.balance


def text_of(element_id, html):
    """The text inside the element with this id, tags and extra spaces removed."""
    match = re.search(rf'<(\w+)\b[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no #{element_id}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(2)).split())


# Sign-in and other accounts -----------------------------------------------------------------------


@pytest.mark.parametrize("url", [BUY_URL, ORDERS_URL, "/cen/orders/{order}/", "/cen/orders/{order}/success/"])
def test_bandwidth_pages_send_anonymous_visitors_to_sign_in(client, cen_instance, url):
    """Purchase and order pages redirect a visitor who is not signed in to /accounts/login/."""
    order = order_purchase(cen_instance)
    response = client.get(url.format(order=order.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", [BUY_URL, "/cen/orders/{order}/pay/", "/cen/orders/{order}/cancel/"])
def test_bandwidth_posts_from_anonymous_visitors_change_nothing(client, cen_instance, url):
    """Buy Now, Pay and Cancel without signing in redirect to sign in and change nothing."""
    order = order_purchase(cen_instance)
    response = client.post(url.format(order=order.pk), form_data(cen_instance))
    assert response["Location"].startswith("/accounts/login/")
    assert Order.objects.get().status == Order.Status.UNPAID
    assert Order.objects.count() == 1
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT


@pytest.mark.parametrize("url", ["/cen/orders/{order}/", "/cen/orders/{order}/success/"])
def test_another_accounts_order_answers_404(client_user, other_user, url):
    """Order pages for another account's order answer 404."""
    order = order_purchase(CenInstanceFactory(owner=other_user))
    assert client_user.get(url.format(order=order.pk)).status_code == 404


def test_paying_another_accounts_order_answers_404_and_charges_nobody(client_user, user, other_user):
    """Pay with another account's order id answers 404; neither balance moves, no package is made."""
    order = order_purchase(CenInstanceFactory(owner=other_user))
    assert client_user.post(f"/cen/orders/{order.pk}/pay/").status_code == 404
    assert (balance_of(user), balance_of(other_user)) == (SIGNUP_CREDIT, SIGNUP_CREDIT)
    assert not BandwidthPackage.objects.exists()


def test_cancelling_another_accounts_order_answers_404(client_user, other_user):
    """Cancel with another account's order id answers 404 and the order stays unpaid."""
    order = order_purchase(CenInstanceFactory(owner=other_user))
    assert client_user.post(f"/cen/orders/{order.pk}/cancel/").status_code == 404
    assert Order.objects.get().status == Order.Status.UNPAID


def test_unknown_order_answers_404(client_user):
    """An order id that does not exist answers 404."""
    assert client_user.get("/cen/orders/999999/").status_code == 404


# Bandwidth Packages tab ---------------------------------------------------------------------------


def test_tab_shows_the_console_columns(client_user, cen_instance):
    """The tab's table has the console's seven columns."""
    content = client_user.get(tab_url(cen_instance)).text
    columns = re.findall(r"<th(?: class=\"[^\"]*\")?>([^<]+)</th>", content)
    assert columns == [
        "Instance ID/Name",
        "Interconnected Areas",
        "Bandwidth",
        "Billing Method",
        "Status",
        "Expiration Time",
        "Actions",
    ]


def test_tab_row_shows_the_package_as_the_console_does(client_user, cen_instance):
    """A bought package's row reads: id and name, Mainland China ↔ North America, 10 Mbps, Subscription, In Use."""
    package = buy_package(cen_instance, name="bwp-east")
    row = re.search(r"<tbody>(.*?)</tbody>", client_user.get(tab_url(cen_instance)).text, re.S).group(1)
    cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[:6] == [
        f"{package.pk} bwp-east Edit Tags",
        "Mainland China ↔ North America",
        "10 Mbps Upgrade Downgrade Cross-border packages cannot be downgraded.",
        "Subscription",
        "In Use",
        package.expires_at.strftime("%Y-%m-%d %H:%M UTC") + " Auto-renewal: Off",
    ]


def test_tab_shows_only_this_instances_packages(client_user, user):
    """Another CEN instance's package is not on this instance's tab."""
    mine, other = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    shown, hidden = buy_package(mine), buy_package(other)
    content = client_user.get(tab_url(mine)).text
    assert shown.pk in content
    assert hidden.pk not in content


def test_tab_without_packages_says_how_to_get_one(client_user, cen_instance):
    """An instance without packages shows an empty-table message naming the buy button."""
    assert "No bandwidth packages are bound to this CEN instance." in client_user.get(tab_url(cen_instance)).text


def test_tab_shows_the_instance_id_name_and_status(client_user, cen_instance):
    """The CEN page shows the instance's ID, name and status at the top."""
    content = client_user.get(tab_url(cen_instance)).text
    summary = re.search(r'<section class="panel cen-summary".*?</section>', content, re.S).group(0)
    assert cen_instance.pk in summary
    assert cen_instance.name in summary
    assert "Ready" in summary


def test_tab_is_a_link_with_its_own_url(client_user, cen_instance):
    """The Bandwidth Packages tab is a link to its own address, marked as the selected tab."""
    content = client_user.get(tab_url(cen_instance)).text
    tab = rf'role="tab" href="{tab_url(cen_instance)}"[^>]*aria-selected="true">Bandwidth Packages</a>'
    assert re.search(tab, content)


def test_tab_buy_button_opens_the_purchase_page_for_this_instance(client_user, cen_instance):
    """Buy Bandwidth Package(Subscription) links to the purchase page with this instance chosen."""
    content = client_user.get(tab_url(cen_instance)).text
    link = f'href="{BUY_URL}?cen_id={cen_instance.pk}" data-tour="buy-package">Buy Bandwidth Package(Subscription)</a>'
    assert link in content


def test_htmx_tab_request_returns_only_the_tab_body(client_user, cen_instance):
    """A tab click through htmx gets the tab body, not the whole page."""
    content = client_user.get(tab_url(cen_instance), **HTMX).text
    assert content.lstrip().startswith('<div id="cen-tab">')
    assert "<html" not in content
    assert "Buy Bandwidth Package(Subscription)" in content


# Purchase page ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field_id", "label"),
    [
        ("id_cen_instance_id", "CEN ID"),
        ("id_area_a_code", "Area A"),
        ("id_area_b_code", "Area B"),
        ("id_bandwidth", "Bandwidth"),
        ("id_name", "Name"),
        ("id_duration_months", "Duration"),
        ("id_auto_renewal", "Auto-renewal"),
    ],
)
def test_purchase_page_labels_its_fields_as_the_seed_does(client_user, cen_instance, field_id, label):
    """Each purchase form control has a label with the seed's parameter name."""
    content = client_user.get(BUY_URL, {"cen_id": cen_instance.pk}).text
    assert re.search(rf'<label\s+for="{field_id}"[^>]*>\s*{re.escape(label)}\s*</label>', content)


def test_purchase_page_preselects_the_instance_it_was_opened_for(client_user, user):
    """Opened from an instance's tab, the CEN ID select has that instance chosen."""
    CenInstanceFactory(owner=user)
    chosen = CenInstanceFactory(owner=user)
    content = client_user.get(BUY_URL, {"cen_id": chosen.pk}).text
    assert re.search(rf'<option value="{chosen.pk}" selected>', content)


def test_purchase_page_offers_only_the_accounts_instances(client_user, cen_instance, other_user):
    """The CEN ID select lists the account's instances and none of another account's."""
    theirs = CenInstanceFactory(owner=other_user)
    content = client_user.get(BUY_URL).text
    assert f'<option value="{cen_instance.pk}"' in content
    assert theirs.pk not in content


def test_duration_options_read_as_the_console_does(client_user, cen_instance):
    """The Duration select offers 1, 2, 3, 6 Months and 1, 2, 3 Years."""
    content = client_user.get(BUY_URL).text
    select = re.search(r'<select name="duration_months".*?</select>', content, re.S).group(0)
    assert re.findall(r">([^<]+)</option>", select) == [
        "1 Month",
        "2 Months",
        "3 Months",
        "6 Months",
        "1 Year",
        "2 Years",
        "3 Years",
    ]


def test_purchase_page_shows_the_seed_notes(client_user, cen_instance):
    """The seed's notes on areas and on deletion stand on the purchase page."""
    content = client_user.get(BUY_URL).text
    assert content.count("You cannot modify the interconnected areas after you purchase the bandwidth package.") == 2
    assert "You cannot delete the bandwidth package after you purchase it unless you open a ticket." in content


def test_purchase_page_starts_with_a_price(client_user, cen_instance):
    """The page opens with a quote for its initial values (2 Mbps Mainland China ↔ Mainland China, 1 month)."""
    assert text_of("quote-total", client_user.get(BUY_URL).text) == "USD 68.00"


# Live updates -------------------------------------------------------------------------------------


def test_live_quote_with_htmx_returns_only_what_changes(client_user, cen_instance):
    """An htmx live update gets the pieces that follow from the values, each swapped out of band, and no field."""
    content = client_user.get(BUY_URL, form_data(cen_instance), **HTMX).text
    assert "<html" not in content and "<form" not in content
    assert not re.search(r"<(input|select|textarea)\b", content)
    assert re.search(r'<div id="quote" hx-swap-oob="true">', content)


def test_live_quote_prices_what_the_form_holds(client_user, cen_instance):
    """The live quote shows the unit price and total for the form's current values."""
    content = client_user.get(BUY_URL, form_data(cen_instance, bandwidth="20", duration_months="12"), **HTMX).text
    assert "USD 160.00 / Mbps / month" in content
    assert text_of("quote-total", content) == "USD 32,000.00"
    assert "(billed as 10 months)" in content


def test_live_quote_changes_when_bandwidth_changes(client_user, cen_instance):
    """Changing the bandwidth from 10 to 11 Mbps changes the total."""
    ten = text_of("quote-total", client_user.get(BUY_URL, form_data(cen_instance), **HTMX).text)
    eleven = text_of("quote-total", client_user.get(BUY_URL, form_data(cen_instance, bandwidth="11"), **HTMX).text)
    assert (ten, eleven) == ("USD 1,600.00", "USD 1,760.00")


def test_live_quote_without_htmx_renders_the_whole_page(client_user, cen_instance):
    """Without JavaScript the same GET renders the whole purchase page with the quote."""
    content = client_user.get(BUY_URL, form_data(cen_instance)).text
    assert "<html" in content
    assert '<h1 class="page-title">Buy Bandwidth Package(Subscription)</h1>' in content
    assert text_of("quote-total", content) == "USD 1,600.00"


def test_choosing_an_area_shows_its_regions(client_user, cen_instance):
    """Area A set to Europe lists Europe's regions beside it."""
    content = client_user.get(BUY_URL, form_data(cen_instance, area_a_code="Europe"), **HTMX).text
    assert text_of("area-a-regions", content) == "Included regions: Germany (Frankfurt), UK (London)"
    assert text_of("area-b-regions", content) == "Included regions: US (Silicon Valley), US (Virginia)"


def cross_border_text(content):
    """The cross-border notice's text element (hidden while the pair is not cross-border)."""
    return re.search(r'<p [^>]*id="cross-border-text"[^>]*>.*?</p>', content, re.S).group(0)


def test_cross_border_pair_shows_the_compliance_notice(client_user, cen_instance):
    """Mainland China ↔ North America shows the China Unicom notice, live and on the page with its checkbox."""
    live = cross_border_text(client_user.get(BUY_URL, form_data(cen_instance), **HTMX).text)
    assert "provided by China Unicom" in live and " hidden" not in live
    page = client_user.get(BUY_URL, form_data(cen_instance)).text
    notice = re.search(
        r'<div class="buy-row cross-border" id="cross-border-notice".*?</div>\s*</div>\s*</div>', page, re.S
    )
    assert "provided by China Unicom" in notice.group(0) and 'name="cross_border_agreed"' in notice.group(0)


def test_pair_without_mainland_china_shows_no_compliance_notice(client_user, cen_instance):
    """Europe ↔ North America is not cross-border: the notice's text is hidden (and with it the notice and its
    agreement checkbox, by the page's CSS), live and on the page."""
    for headers in (HTMX, {}):
        text = cross_border_text(
            client_user.get(BUY_URL, form_data(cen_instance, area_a_code="Europe"), **headers).text
        )
        assert " hidden" in text and "China Unicom" not in text


def test_live_update_shows_a_rule_broken_before_buy_now(client_user, cen_instance):
    """The live update already says the area pair is taken, before Buy Now."""
    buy_package(cen_instance)
    response = client_user.get(BUY_URL, form_data(cen_instance), **HTMX)
    assert "already has a bandwidth package for Mainland China ↔ North America" in response.text
    assert Order.objects.count() == 1  # the one bought above


def test_live_update_refuses_another_accounts_instance(client_user, cen_instance, other_user):
    """A live update naming another account's CEN instance shows the CEN ID error."""
    theirs = CenInstanceFactory(owner=other_user)
    response = client_user.get(BUY_URL, form_data(cen_instance, cen_instance_id=theirs.pk), **HTMX)
    assert re.search(rf'id="error_1_id_cen_instance_id"[^>]*>\s*<strong>{services.UNKNOWN_CEN}</strong>', response.text)


def test_live_update_creates_no_order(client_user, cen_instance):
    """The live update GET never orders anything."""
    client_user.get(BUY_URL, form_data(cen_instance), **HTMX)
    assert not Order.objects.exists()


# Bad input on Buy Now -----------------------------------------------------------------------------


@pytest.mark.parametrize("bandwidth", ["1", "10001", "0", "-3"])
def test_bandwidth_outside_2_to_10000_is_refused_on_the_form(client_user, cen_instance, bandwidth):
    """Bandwidth outside 2 to 10,000 Mbps is refused beside the Bandwidth field; no order is made."""
    response = client_user.post(BUY_URL, form_data(cen_instance, bandwidth=bandwidth))
    assert_refused_on_form(response, "bandwidth", services.BANDWIDTH_RANGE)


@pytest.mark.parametrize("bandwidth", ["2.5", "ten", ""])
def test_bandwidth_that_is_not_a_whole_number_is_refused_on_the_form(client_user, cen_instance, bandwidth):
    """A fractional, textual or empty bandwidth is refused beside the Bandwidth field."""
    response = client_user.post(BUY_URL, form_data(cen_instance, bandwidth=bandwidth))
    assert_refused_on_form(response, "bandwidth", services.BANDWIDTH_RANGE)


@pytest.mark.parametrize("field", ["area_a_code", "area_b_code"])
def test_unknown_area_is_refused_on_the_form(client_user, cen_instance, field):
    """An area that is not in the list is refused beside its field."""
    response = client_user.post(BUY_URL, form_data(cen_instance, **{field: "Antarctica"}))
    assert_refused_on_form(response, field, services.UNKNOWN_AREA)


def test_unknown_duration_is_refused_on_the_form(client_user, cen_instance):
    """A duration that is not in the list (5 months) is refused beside Duration."""
    response = client_user.post(BUY_URL, form_data(cen_instance, duration_months="5"))
    assert_refused_on_form(response, "duration_months", services.UNKNOWN_DURATION)


def test_unknown_cen_instance_is_refused_on_the_form(client_user, cen_instance):
    """A CEN id that does not exist is refused beside CEN ID."""
    response = client_user.post(BUY_URL, form_data(cen_instance, cen_instance_id="cen-doesnotexist0000"))
    assert_refused_on_form(response, "cen_instance_id", services.UNKNOWN_CEN)


def test_another_accounts_cen_instance_is_refused_on_the_form(client_user, cen_instance, other_user):
    """Another account's CEN instance is refused beside CEN ID, as if it did not exist."""
    theirs = CenInstanceFactory(owner=other_user)
    response = client_user.post(BUY_URL, form_data(cen_instance, cen_instance_id=theirs.pk))
    assert_refused_on_form(response, "cen_instance_id", services.UNKNOWN_CEN)


@pytest.mark.parametrize(("area_a", "area_b"), [("China", "North-America"), ("North-America", "China")])
def test_area_pair_already_bought_is_refused_on_the_form(client_user, cen_instance, area_a, area_b):
    """A pair the instance already has a package for, in either order, is refused beside the second area."""
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    response = client_user.post(BUY_URL, form_data(cen_instance, area_a_code=area_a, area_b_code=area_b))
    areas = "Mainland China ↔ North America" if area_a == "China" else "North America ↔ Mainland China"
    message = services.AREA_PAIR_TAKEN % dict(cen_id=cen_instance.pk, areas=areas)
    assert response.status_code == 200
    assert response.context["form"].errors["area_b_code"] == [message]
    assert message in response.text
    assert Order.objects.count() == 1


@pytest.mark.parametrize("name", ["http://bwp", "https://bwp"])
def test_name_starting_like_a_url_is_refused_on_the_form(client_user, cen_instance, name):
    """A name starting with http:// or https:// is refused beside Name."""
    response = client_user.post(BUY_URL, form_data(cen_instance, name=name))
    assert_refused_on_form(response, "name", "Name cannot start with http:// or https://.")


def test_name_longer_than_128_characters_is_refused_on_the_form(client_user, cen_instance):
    """A 129-character name is refused beside Name."""
    response = client_user.post(BUY_URL, form_data(cen_instance, name="n" * 129))
    assert_refused_on_form(response, "name", services.NAME_TOO_LONG)


def test_description_starting_like_a_url_is_refused_on_the_form(client_user, cen_instance):
    """A description starting with https:// is refused beside Description."""
    response = client_user.post(BUY_URL, form_data(cen_instance, description="https://example.com"))
    assert_refused_on_form(response, "description", "Description cannot start with http:// or https://.")


def test_description_longer_than_256_characters_is_refused_on_the_form(client_user, cen_instance):
    """A 257-character description is refused beside Description."""
    response = client_user.post(BUY_URL, form_data(cen_instance, description="d" * 257))
    assert_refused_on_form(response, "description", services.DESCRIPTION_TOO_LONG)


def test_cross_border_purchase_without_the_agreement_is_refused_on_the_form(client_user, cen_instance):
    """Mainland China ↔ North America without the agreement ticked is refused beside the checkbox."""
    response = client_user.post(BUY_URL, form_data(cen_instance, cross_border_agreed=None))
    assert_refused_on_form(response, "cross_border_agreed", services.CROSS_BORDER_NOT_AGREED)


def test_refused_form_keeps_what_was_typed(client_user, cen_instance):
    """After an error the form still holds the values the user entered."""
    response = client_user.post(BUY_URL, form_data(cen_instance, bandwidth="1", name="keep-me"))
    assert 'value="keep-me"' in response.text


def test_refused_form_keeps_its_idempotency_key(client_user, cen_instance):
    """After an error the form carries the same key, so the corrected Buy Now is still one order."""
    data = form_data(cen_instance, bandwidth="1")
    response = client_user.post(BUY_URL, data)
    assert f'name="idempotency_key" value="{data["idempotency_key"]}"' in response.text


# Buy Now, confirmation, Pay, Cancel ---------------------------------------------------------------


def test_buy_now_leads_to_the_order_confirmation(client_user, cen_instance):
    """Buy Now makes one unpaid order and redirects to its confirmation page; nothing is charged yet."""
    response = client_user.post(BUY_URL, form_data(cen_instance))
    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/cen/orders/{order.pk}/"
    assert order.status == Order.Status.UNPAID
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT


def test_double_buy_now_with_the_same_key_makes_one_order(client_user, cen_instance):
    """Two Buy Now posts of the same form (a double click, a resubmission) make one order."""
    data = form_data(cen_instance)
    first = client_user.post(BUY_URL, data)
    second = client_user.post(BUY_URL, data)
    assert Order.objects.count() == 1
    assert first["Location"] == second["Location"] == f"/cen/orders/{Order.objects.get().pk}/"


def test_buy_now_of_a_changed_form_with_its_key_is_refused_on_the_page(client_user, cen_instance):
    """The form posted again with another bandwidth (Back, edit, Buy Now) is not answered with the first
    order: the page says the purchase was placed with other values; still one order."""
    data = form_data(cen_instance)
    client_user.post(BUY_URL, data)
    response = client_user.post(BUY_URL, {**data, "bandwidth": "20"})
    order = Order.objects.get()
    assert response.status_code == 200
    message = services.ORDER_KEY_OTHER_TERMS % {"number": order.number}
    assert response.context["form"].non_field_errors() == [message]
    assert message in response.text
    assert order.bandwidth == 10


def test_each_purchase_page_gets_a_new_key(client_user, cen_instance):
    """Two openings of the purchase page carry different idempotency keys."""
    keys = [
        re.search(r'name="idempotency_key" value="([^"]+)"', client_user.get(BUY_URL).text).group(1) for _ in range(2)
    ]
    assert keys[0] != keys[1]


def test_confirmation_shows_the_order_summary_price_and_pay(client_user, cen_instance):
    """The confirmation lists CEN ID, areas, bandwidth, duration and amount, with Pay and Cancel Order."""
    order = order_purchase(cen_instance, duration_months=12)
    content = client_user.get(f"/cen/orders/{order.pk}/").text
    for text in [cen_instance.pk, "Mainland China ↔ North America", "10 Mbps", "1 Year", "USD 16,000.00"]:
        assert text in content
    assert f'action="/cen/orders/{order.pk}/pay/"' in content
    assert ">Pay</button>" in content
    assert ">Cancel Order</button>" in content


def test_pay_charges_creates_the_package_and_shows_success(client_user, cen_instance):
    """Pay takes USD 1,600, creates the bound package and redirects to the success page."""
    order = order_purchase(cen_instance)
    response = client_user.post(f"/cen/orders/{order.pk}/pay/")
    package = BandwidthPackage.objects.get()
    assert response["Location"] == f"/cen/orders/{order.pk}/success/"
    assert package.cen_instance == cen_instance
    assert balance_of(cen_instance.owner) == Decimal("8400.00")


def test_pay_twice_makes_one_package_and_one_charge(client_user, cen_instance):
    """A second Pay post (double click, back and resubmit) leads to the same success page and charges nothing more."""
    order = order_purchase(cen_instance)
    first = client_user.post(f"/cen/orders/{order.pk}/pay/")
    second = client_user.post(f"/cen/orders/{order.pk}/pay/")
    assert first["Location"] == second["Location"] == f"/cen/orders/{order.pk}/success/"
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(cen_instance.owner) == Decimal("8400.00")


def test_pay_without_enough_balance_shows_the_message_and_changes_nothing(client_user, cen_instance):
    """Pay of an order above the balance shows the message on the confirmation; nothing is charged or made."""
    order = order_purchase(cen_instance, bandwidth=100)
    response = client_user.post(f"/cen/orders/{order.pk}/pay/")
    assert response.status_code == 200
    assert "Your balance of USD 10,000.00 is not enough to pay USD 16,000.00. Nothing was charged." in response.text
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()
    assert Order.objects.get().status == Order.Status.UNPAID


def test_pay_of_a_cancelled_order_shows_the_message(client_user, cen_instance):
    """Pay of a cancelled order is refused on the page and charges nothing."""
    order = order_purchase(cen_instance)
    services.order_cancel(owner=cen_instance.owner, order_id=order.pk)
    response = client_user.post(f"/cen/orders/{order.pk}/pay/")
    assert response.status_code == 200
    assert services.ORDER_CANCELLED in response.text
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT


def test_a_refused_pay_shows_the_order_as_the_refusal_left_it(client_user, cen_instance):
    """Pay after the deadline lapses the order: the page shows it lapsed, with no Pay button left to press."""
    order = order_purchase(cen_instance)
    Order.objects.filter(pk=order.pk).update(pay_before=clock.now() - timedelta(seconds=1))
    response = client_user.post(f"/cen/orders/{order.pk}/pay/")
    assert response.status_code == 200 and "has lapsed" in response.text
    assert Order.objects.get(pk=order.pk).status != Order.Status.UNPAID
    assert f'action="/cen/orders/{order.pk}/pay/"' not in response.text


def test_pay_answers_only_post(client_user, cen_instance):
    """A GET of the Pay address is refused (405) and pays nothing."""
    order = order_purchase(cen_instance)
    assert client_user.get(f"/cen/orders/{order.pk}/pay/").status_code == 405
    assert not BandwidthPackage.objects.exists()


def test_cancel_cancels_the_order_and_returns_to_orders(client_user, cen_instance):
    """Cancel Order marks the order cancelled and redirects to the Orders page."""
    order = order_purchase(cen_instance)
    response = client_user.post(f"/cen/orders/{order.pk}/cancel/")
    assert response["Location"] == ORDERS_URL
    assert Order.objects.get().status == Order.Status.CANCELLED


def test_cancel_of_a_paid_order_shows_the_message(client_user, cen_instance):
    """Cancel of a paid order is refused on the page and the order stays paid."""
    order = buy_package(cen_instance).orders.get()
    response = client_user.post(f"/cen/orders/{order.pk}/cancel/")
    assert response.status_code == 200
    assert services.ORDER_PAID in response.text
    assert Order.objects.get().status == Order.Status.PAID


# Success and Orders pages -------------------------------------------------------------------------


def test_success_page_names_the_package_and_links_back_to_the_tab(client_user, cen_instance):
    """The success page names the new package and links back to the instance's Bandwidth Packages tab."""
    package = buy_package(cen_instance)
    order = package.orders.get()
    content = client_user.get(f"/cen/orders/{order.pk}/success/").text
    assert text_of("new-package-id", content) == package.pk
    assert f'href="{tab_url(cen_instance)}">Back to Bandwidth Packages</a>' in content


def test_success_page_of_an_unpaid_order_leads_to_its_confirmation(client_user, cen_instance):
    """An unpaid order has no success page: it redirects to the confirmation."""
    order = order_purchase(cen_instance)
    response = client_user.get(f"/cen/orders/{order.pk}/success/")
    assert response["Location"] == f"/cen/orders/{order.pk}/"


def test_orders_page_lists_an_unpaid_order_with_pay_and_cancel(client_user, cen_instance):
    """An unpaid order is on the Orders page with Pay and Cancel actions."""
    order = order_purchase(cen_instance)
    content = client_user.get(ORDERS_URL).text
    assert f'<a class="order-number" href="/cen/orders/{order.pk}/">{order.number}</a>' in content
    assert f'action="/cen/orders/{order.pk}/pay/"' in content
    assert f'action="/cen/orders/{order.pk}/cancel/"' in content
    assert "Unpaid" in content


def test_orders_page_links_a_paid_order_to_its_package(client_user, cen_instance):
    """A paid order on the Orders page links to its instance's packages, with no Pay action."""
    order = buy_package(cen_instance).orders.get()
    content = client_user.get(ORDERS_URL).text
    assert f'href="{tab_url(cen_instance)}">View Package</a>' in content
    assert f'action="/cen/orders/{order.pk}/pay/"' not in content


def test_orders_page_does_not_list_another_accounts_orders(client_user, cen_instance, other_user):
    """Another account's orders are not on the Orders page."""
    mine = order_purchase(cen_instance)
    theirs = order_purchase(CenInstanceFactory(owner=other_user))
    assert [order.pk for order in client_user.get(ORDERS_URL).context["orders"]] == [mine.pk]
    assert theirs.cen_instance_id not in client_user.get(ORDERS_URL).text


def test_orders_page_without_orders_says_so(client_user):
    """An account without orders sees "No orders yet."."""
    assert "No orders yet." in client_user.get(ORDERS_URL).text
