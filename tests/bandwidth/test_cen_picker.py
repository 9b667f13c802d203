"""CEN ID on the purchase page for big accounts: a search field and a select of the first 50
matches, the chosen instance always among them; the page's size and query count do not grow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.demo.services import cen_instances_ensure
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

BUY_URL = "/cen/bandwidth-packages/buy/"
OPTIONS_URL = "/cen/bandwidth-packages/buy/cen-instances/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def cen_options(content):
    """The option values of the CEN ID select, in order."""
    select = re.search(r'<select name="cen_instance_id"[^>]*>(.*?)</select>', content, re.S).group(1)
    return re.findall(r'<option value="([^"]+)"', select)


def measure(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(captured)


def test_purchase_page_lists_at_most_50_instances_and_says_so(client_user, user):
    """With 120 instances the select offers the 50 newest and a note to type to narrow."""
    cen_instances_ensure(owner=user, count=120, name_prefix="big")
    content = client_user.get(BUY_URL).text
    options = cen_options(content)
    assert len(options) == 50
    assert "Showing the first 50 matches." in content
    assert 'id="id_cen_search"' in content and 'aria-controls="id_cen_instance_id"' in content
    assert '<label for="id_cen_instance_id" class="form-label">' in content  # still labelled CEN ID
    assert "CEN ID" in content


def test_cen_id_preselection_stays_an_option_beyond_the_first_50(client_user, user):
    """?cen_id= of an old instance (not among the 50 newest) is selected, first in the list."""
    old = CenInstanceFactory(owner=user, name="oldest")
    cen_instances_ensure(owner=user, count=80, name_prefix="newer")
    content = client_user.get(BUY_URL, {"cen_id": old.pk}).text
    options = cen_options(content)
    assert options[0] == old.pk and len(options) == 50
    assert f'<option value="{old.pk}" selected>' in content


def test_search_endpoint_narrows_by_name_and_keeps_the_chosen_instance(client_user, user):
    """The htmx endpoint answers the select of the matches of cen_search, the chosen one first."""
    chosen = CenInstanceFactory(owner=user, name="prod-east")
    cen_instances_ensure(owner=user, count=200, name_prefix="batch")
    response = client_user.get(OPTIONS_URL, {"cen_search": "batch-0001", "cen_instance_id": chosen.pk}, **HTMX)
    assert response.status_code == 200
    content = response.text
    assert content.startswith('<div id="cen-instance-options">')
    assert "<html" not in content
    options = cen_options(content)
    assert options[0] == chosen.pk
    assert len(options) == 1 + 10  # batch-00010 .. batch-00019
    assert "Showing the first 50" not in content


def test_search_endpoint_finds_an_instance_by_its_id(client_user, user):
    """Part of an ID is a search too."""
    cen_instances_ensure(owner=user, count=60)
    target = CenInstanceFactory(owner=user, name="")
    options = cen_options(client_user.get(OPTIONS_URL, {"cen_search": target.pk[-8:]}).text)
    assert options == [target.pk]


def test_search_endpoint_never_lists_another_accounts_instances(client_user, other_user):
    """Neither a search nor a chosen id shows another account's instance."""
    theirs = CenInstanceFactory(owner=other_user, name="theirs")
    content = client_user.get(OPTIONS_URL, {"cen_search": "theirs", "cen_instance_id": theirs.pk}).text
    assert theirs.pk not in content


def test_search_endpoint_sends_anonymous_visitors_to_sign_in(client):
    """The endpoint is signed-in only."""
    response = client.get(OPTIONS_URL, {"cen_search": "a"})
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_without_javascript_a_get_of_the_form_with_cen_search_narrows_the_select(client_user, user):
    """No JavaScript: Search submits the same form by GET; the select holds the matches and the
    chosen instance, the other fields keep their values, and Buy Now still posts."""
    chosen = CenInstanceFactory(owner=user, name="keep-me")
    cen_instances_ensure(owner=user, count=120, name_prefix="many")
    data = {
        "idempotency_key": "k" * 32,
        "cen_instance_id": chosen.pk,
        "cen_search": "many-00042",
        "area_a_code": "China",
        "area_b_code": "Europe",
        "bandwidth": "7",
        "duration_months": "1",
    }
    content = client_user.get(BUY_URL, data).text
    options = cen_options(content)
    assert len(options) == 2 and options[0] == chosen.pk
    assert 'value="many-00042"' in content
    assert 'name="bandwidth" value="7"' in content
    assert '<noscript><button type="submit" formmethod="get"' in content


def test_bare_cen_search_get_narrows_the_select(client_user, user):
    """GET ?cen_search= (a bookmarked search) opens the page with the matches only."""
    cen_instances_ensure(owner=user, count=70, name_prefix="bulk")
    target = CenInstanceFactory(owner=user, name="needle")
    assert cen_options(client_user.get(BUY_URL, {"cen_search": "needle"}).text) == [target.pk]


def test_buy_now_accepts_an_instance_beyond_the_first_50(client_user, user):
    """Validation is not limited to the listed options: any of the account's instances can be bought for."""
    old = CenInstanceFactory(owner=user, name="old")
    cen_instances_ensure(owner=user, count=80)
    data = {
        "idempotency_key": "a" * 32,
        "cen_instance_id": old.pk,
        "area_a_code": "China",
        "area_b_code": "China",
        "bandwidth": "2",
        "duration_months": "1",
        "auto_renewal_months": "1",
        "terms_agreed": "on",
    }
    response = client_user.post(BUY_URL, data)
    assert response.status_code == 302, response.text[:500]
    assert "/cen/orders/" in response.url


@pytest.mark.parametrize("url", [BUY_URL, BUY_URL + "?cen_id={first}", OPTIONS_URL + "?cen_search=cen"])
def test_purchase_page_size_and_queries_do_not_grow_from_10_to_2000_instances(client_user, user, url):
    """10 or 2,000 instances: the same number of queries, and the page within 2 KB of the same size."""
    cen_instances_ensure(owner=user, count=10)
    first = user.cen_instances.order_by("created_at").first().pk
    small_size, small_queries = measure(client_user, url.format(first=first))
    cen_instances_ensure(owner=user, count=2000)
    large_size, large_queries = measure(client_user, url.format(first=first))
    assert large_queries == small_queries
    assert large_size - small_size < 50 * 60 + 2048  # at most 50 options more, each ~60 bytes
    assert large_size < 30_000
