"""The purchase page's live quote on a slow network: what the user types, chooses or ticks while a quote
is on its way is never lost (the answer replaces only the price card, the notice, the regions, the taken
marks and the messages, never a field), and the price card follows the last values."""

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.forms import CROSS_BORDER_AGREEMENT
from cenconsole.bandwidth.messages import BANDWIDTH_RANGE
from cenconsole.bandwidth.models import Order
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Mark every field of the form, and read the marks back: a field replaced by a swap loses its mark.
MARK_FIELDS = "form => form.querySelectorAll('input, select, textarea').forEach(field => { field.cenMark = true; })"
UNMARKED_FIELDS = (
    "form => Array.from(form.querySelectorAll('input, select, textarea')).filter(field => !field.cenMark).length"
)


class SlowQuotes:
    """Holds the page's live quotes (the htmx GETs of the purchase form) until released: a slow network."""

    def __init__(self, page):
        self.page, self.held, self.holding = page, [], True
        page.route("**/cen/bandwidth-packages/buy/?*", self._arrive)

    def _arrive(self, route):
        if self.holding and route.request.headers.get("hx-request"):
            self.held.append(route)
        else:
            route.continue_()

    def wait_until_held(self, count=1):
        """Waits (at most 2 s) until `count` quotes are on their way."""
        for _ in range(100):
            if len(self.held) >= count:
                return
            self.page.wait_for_timeout(20)
        raise AssertionError(f"{len(self.held)} live quotes on their way, not {count}")

    def release(self):
        """The held quotes answer now, and the next ones answer at once."""
        self.holding = False
        while self.held:
            self.held.pop(0).continue_()


@pytest.fixture
def purchase_page(page, sign_in, live_server, user):
    instance = CenInstanceFactory(owner=user)
    sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    expect(page.locator("#quote-total")).to_have_text("USD 68.00")  # 2 Mbps Mainland China ↔ Mainland China
    return page


def test_bandwidth_typed_while_a_quote_is_on_its_way_loses_no_character(purchase_page):
    """Typing 1, 0, 5 in Bandwidth while the quotes for the first keys answer gives 105 Mbps, in the same
    field (caret still at the end: one more 0 gives 1050), and the price card follows."""
    page = purchase_page
    bandwidth = page.get_by_label("Bandwidth", exact=True)
    field = bandwidth.element_handle()
    slow = SlowQuotes(page)
    bandwidth.fill("")
    slow.wait_until_held()  # the quote for the emptied field is on its way
    bandwidth.press_sequentially("1", delay=50)
    slow.release()  # it answers while the typing goes on
    bandwidth.press_sequentially("05", delay=150)
    expect(bandwidth).to_have_value("105")
    expect(page.locator("#quote-total")).to_have_text("USD 3,570.00")
    bandwidth.press("0")
    expect(bandwidth).to_have_value("1050")
    expect(page.locator("#quote-total")).to_have_text("USD 35,700.00")
    assert page.evaluate("field => field.isConnected", field)


def test_name_typed_while_a_quote_is_on_its_way_loses_no_character(purchase_page):
    """Typing in the middle of Name while the quote for a new Area B answers: every character lands where
    the caret is, and the price card, regions and notice follow the new area."""
    page = purchase_page
    name = page.get_by_label("Name", exact=True)
    name.fill("abcdef")
    slow = SlowQuotes(page)
    page.get_by_label("Area B").select_option(label="Europe")
    slow.wait_until_held()
    name.click()
    name.press("End")
    for _ in range(3):
        name.press("ArrowLeft")
    name.press_sequentially("12", delay=50)
    slow.release()
    name.press_sequentially("345", delay=150)
    expect(name).to_have_value("abc12345def")
    expect(name).to_be_focused()
    expect(page.locator("#quote-total")).to_have_text("USD 340.00")  # 2 Mbps Mainland China ↔ Europe
    expect(page.locator("#area-b-regions")).to_have_text("Included regions: Germany (Frankfurt), UK (London)")
    expect(page.locator("#cross-border-notice")).to_be_visible()


def test_agreement_ticked_while_a_quote_is_on_its_way_stays_ticked(purchase_page):
    """The cross-border agreement ticked while a quote is on its way stays ticked, and Buy Now orders."""
    page = purchase_page
    page.get_by_label("Area B").select_option(label="Europe")
    expect(page.locator("#cross-border-notice")).to_be_visible()
    slow = SlowQuotes(page)
    page.get_by_label("Duration").select_option(label="1 Year")
    slow.wait_until_held()
    page.get_by_label(CROSS_BORDER_AGREEMENT).check()
    slow.release()
    expect(page.locator("#quote-total")).to_have_text("USD 3,400.00")  # a year is billed as ten months
    expect(page.get_by_label(CROSS_BORDER_AGREEMENT)).to_be_checked()
    page.get_by_label("I have read and agree to the Terms of Service").check()
    page.get_by_role("button", name="Buy Now").click()
    expect(page.get_by_role("heading", name="Confirm Order")).to_be_visible()
    assert Order.objects.get().amount == 3400


def test_area_answer_arriving_after_typing_keeps_the_typed_bandwidth(purchase_page):
    """The quote for a new Area B answers after a bandwidth was typed: the typed value stays and the price
    card ends on the typed bandwidth (the quote the typing asked for is not lost)."""
    page = purchase_page
    slow = SlowQuotes(page)
    page.get_by_label("Area B").select_option(label="Europe")
    slow.wait_until_held()
    page.get_by_label("Bandwidth", exact=True).fill("10")
    slow.release()  # the area's quote now answers, within the typing's 400 ms debounce
    expect(page.locator("#area-b-regions")).to_contain_text("Germany (Frankfurt)")
    expect(page.get_by_label("Bandwidth", exact=True)).to_have_value("10")
    expect(page.locator("#quote-total")).to_have_text("USD 1,700.00")


def test_a_live_quote_replaces_no_field_of_the_form(purchase_page):
    """After quotes for a new area, bandwidth, duration and auto-renewal, every field is the element it was."""
    page = purchase_page
    form = page.locator("#purchase-form")
    form.evaluate(MARK_FIELDS)
    page.get_by_label("Area B").select_option(label="North America")
    expect(page.locator("#quote-total")).to_have_text("USD 320.00")
    page.get_by_label("Bandwidth", exact=True).fill("3")
    expect(page.locator("#quote-total")).to_have_text("USD 480.00")
    page.get_by_label("Duration").select_option(label="2 Months")
    expect(page.locator("#quote-total")).to_have_text("USD 960.00")
    page.get_by_label("Auto-renewal", exact=True).check()
    page.wait_for_load_state("networkidle")
    assert form.evaluate(UNMARKED_FIELDS) == 0


def test_a_live_message_marks_its_field_until_it_is_set_right(purchase_page):
    """1 Mbps: the live quote says the bandwidth rule under Bandwidth and marks the field invalid; 10 Mbps:
    the message goes and the field is no longer marked."""
    page = purchase_page
    bandwidth = page.get_by_label("Bandwidth", exact=True)
    bandwidth.fill("1")
    expect(page.locator("#id_bandwidth_error")).to_have_text(BANDWIDTH_RANGE)
    expect(bandwidth).to_have_class("form-control is-invalid")
    expect(bandwidth).to_have_attribute("aria-invalid", "true")
    bandwidth.press("0")
    expect(page.locator("#quote-total")).to_have_text("USD 340.00")
    expect(page.locator("#id_bandwidth_error")).to_be_hidden()
    expect(bandwidth).to_have_class("form-control")
    expect(bandwidth).not_to_have_attribute("aria-invalid", "true")
