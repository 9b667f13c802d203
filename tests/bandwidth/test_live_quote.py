"""The live quote of the Buy Now pages (purchase, Renew, Upgrade, Downgrade) swaps only what changes: each
piece of its answer replaces, out of band, an element of the page by id, and none is a field."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cenconsole.bandwidth import services
from tests.bandwidth.test_views import BUY_URL, HTMX, form_data
from tests.factories import buy_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_pages(cen_instance):
    """Each Buy Now page's URL and a live update's values (a package to renew and resize included)."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    return {
        "buy": (BUY_URL, form_data(cen_instance)),
        "renew": (
            reverse("bandwidth:package_renew", args=[package.pk]),
            {"idempotency_key": "k", "duration_months": 3},
        ),
        "upgrade": (reverse("bandwidth:package_upgrade", args=[package.pk]), {"idempotency_key": "k", "bandwidth": 20}),
        "downgrade": (
            reverse("bandwidth:package_downgrade", args=[package.pk]),
            {"idempotency_key": "k", "bandwidth": 5},
        ),
    }


class TopLevel(HTMLParser):
    """The top-level elements of an htmx answer (tag and attributes), and any text between them."""

    VOID = {"input", "br", "img", "hr", "meta", "link"}

    def __init__(self, content):
        super().__init__()
        self.depth, self.elements, self.text = 0, [], ""
        self.feed(content)

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_data(self, data):
        if self.depth == 0:
            self.text += data.strip()


def swapped_ids(content):
    """The ids of the elements a live update's answer swaps out of band."""
    return [attrs["id"] for _tag, attrs in TopLevel(content).elements if "hx-swap-oob" in attrs]


def element(element_id, html):
    match = re.search(rf'<(\w+)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no #{element_id}"
    return match.group(0)


@pytest.mark.parametrize("page", ["buy", "renew", "upgrade", "downgrade"])
def test_a_live_update_answers_only_out_of_band_pieces_and_no_field(client_user, live_pages, page):
    """The answer is pieces swapped by id, with no form and no input, select or textarea in it."""
    url, values = live_pages[page]
    content = client_user.get(url, values, **HTMX).text
    answer = TopLevel(content)
    assert answer.elements and all("id" in attrs and "hx-swap-oob" in attrs for _tag, attrs in answer.elements)
    assert not answer.text
    assert not re.search(r"<(form|input|select|textarea)\b", content)


@pytest.mark.parametrize("page", ["buy", "renew", "upgrade", "downgrade"])
def test_every_piece_a_live_update_swaps_stands_on_the_page(client_user, live_pages, page):
    """Each piece's id is an element of the page the form is on (htmx finds its target, whatever changed)."""
    url, values = live_pages[page]
    page_html = client_user.get(url).text
    for piece in swapped_ids(client_user.get(url, values, **HTMX).text):
        assert f'id="{piece}"' in page_html, piece


def test_live_quote_marks_the_taken_pairs_on_area_bs_options(client_user, cen_instance):
    """Area B's options are relabelled by id: the pair the instance already has reads (already bought)."""
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    content = client_user.get(BUY_URL, form_data(cen_instance, area_b_code="Europe"), **HTMX).text
    assert (
        '<option id="id_area_b_code-North-America" hx-swap-oob="innerHTML">North America (already bought)</option>'
        in content
    )
    assert '<option id="id_area_b_code-Europe" hx-swap-oob="innerHTML">Europe</option>' in content


def test_live_quote_says_a_fields_message_beside_it(client_user, cen_instance):
    """A bandwidth of 1 Mbps: the live update replaces Bandwidth's messages with the rule it breaks."""
    content = client_user.get(BUY_URL, form_data(cen_instance, bandwidth="1"), **HTMX).text
    feedback = element("id_bandwidth_error", content)
    assert 'class="invalid-feedback" data-feedback-for="id_bandwidth"' in feedback
    assert services.BANDWIDTH_RANGE in feedback


def test_live_quote_clears_the_messages_of_a_field_set_right(client_user, cen_instance):
    """A valid bandwidth: Bandwidth's messages are replaced by an empty, hidden placeholder."""
    content = client_user.get(BUY_URL, form_data(cen_instance, bandwidth="12"), **HTMX).text
    assert '<div id="id_bandwidth_error" data-feedback-for="id_bandwidth" hx-swap-oob="true" hidden></div>' in content


def test_buy_now_page_keeps_a_placeholder_for_each_fields_messages(client_user, cen_instance):
    """The page holds every field's messages placeholder, named by its field (aria-describedby)."""
    content = client_user.get(BUY_URL).text
    assert '<div id="id_name_error" data-feedback-for="id_name" hidden></div>' in content
    assert re.search(r'<input type="text" name="name"[^>]*aria-describedby="id_name_helptext id_name_error"', content)
