"""Hypothesis-generated values (huge numbers, unicode, control characters, markup) into every field
of every form: each answer is a page or a redirect, never a 500, and markup is always escaped."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cenconsole.multicast.models import MulticastDomain
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket, trainee_join, workshop_new
from tests.multicast.objects import multicast_page_objects

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert(1)</script>"
values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), max_size=20),
    st.sampled_from(
        [
            MARKUP,
            f'"><img src=x onerror=alert(1)>{MARKUP}',
            "http://x",
            "",
            " ",
            "0",
            "-1",
            "1e309",
            "2.5",
            "China",
            "cn-hangzhou",
            "\u202e\u0000",
            "9" * 400,
        ]
    ),
)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def forms(client):
    """Every form of the console with its fields, for a signed-in account with one of everything."""
    user = UserFactory()
    client.force_login(user)
    cen = CenInstanceFactory(owner=user)
    package = buy_package(cen, area_a_code="China", area_b_code="China", bandwidth=10)
    ticket = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    user.groups.add(Group.objects.get(name="Facilitators"))  # runs workshops too
    workshop = workshop_new(user)
    trainee_join(workshop)
    multicast = multicast_page_objects(owner=user, cen_instance=cen)
    domain = f"/cen/instances/{cen.pk}/multicast-domains/{multicast['domain_id']}"
    router = MulticastDomain.objects.get(pk=multicast["domain_id"]).transit_router_id
    return {
        "/cen/instances/create/": ["name", "description"],
        "/cen/bandwidth-packages/buy/": [
            "cen_instance_id",
            "area_a_code",
            "area_b_code",
            "bandwidth",
            "name",
            "description",
            "duration_months",
            "auto_renewal",
            "auto_renewal_months",
            "cross_border_agreed",
            "terms_agreed",
            "idempotency_key",
        ],
        f"/cen/bandwidth-packages/{package.pk}/renew/": ["duration_months", "terms_agreed", "idempotency_key"],
        f"/cen/bandwidth-packages/{package.pk}/upgrade/": ["bandwidth", "terms_agreed", "idempotency_key"],
        f"/cen/bandwidth-packages/{package.pk}/auto-renewal/": ["auto_renewal", "auto_renewal_months"],
        f"/cen/bandwidth-packages/{package.pk}/request-deletion/": ["reason"],
        f"/cen/instances/{cen.pk}/networks/attach/": ["network_type", "region", "name"],
        f"/cen/instances/{cen.pk}/region-connections/set/": ["package", "local_region", "opposite_region", "bandwidth"],
        f"/cen/instances/{cen.pk}/bandwidth-packages/bind/": ["package"],
        "/accounts/signup/": ["username", "email", "password1", "password2"],
        f"/cen/tickets/{ticket.pk}/reply/": ["text"],
        "/account/email/": ["email"],
        "/workshops/": ["title", "length_hours", "scenario", "seat_limit"],
        f"/workshops/{workshop.pk}/clock/": ["step"],
        f"/cen/instances/{cen.pk}/transit-routers/{router}/multicast/create/": [
            "name",
            "description",
            "igmpv2_support",
        ],
        f"{domain}/modify/": ["name", "description", "igmpv2_support"],
        f"{domain}/vswitches/associate/": ["vswitches"],
        f"{domain}/sources/add/": ["group_ip", "vpc_id", "network_interface"],
        f"{domain}/members/add/": ["group_ip", "vpc_id", "network_interface", "peer_domain"],
    }


def assert_answered_safely(response, data):
    assert response.status_code in (200, 302, 400, 404), response.status_code
    body = response.content.decode(errors="replace")
    for value in data.values():
        if "<" in value and len(value) > 3:
            assert value not in body, "markup echoed unescaped"


@pytest.mark.slow
@FUZZ
@given(data=st.data())
def test_posted_forms_never_fail_and_escape_markup(client, forms, data):
    """POSTing fuzzed values into each form answers with errors on the page or a redirect."""
    for url, fields in forms.items():
        posted = {field: data.draw(values, label=f"{url} {field}") for field in fields}
        assert_answered_safely(client.post(url, posted), posted)


@FUZZ
@given(data=st.data())
def test_live_updates_and_searches_never_fail_and_escape_markup(client, forms, data):
    """GETs with fuzzed query values (live quotes, searches, paging) never fail."""
    buy = {field: data.draw(values) for field in forms["/cen/bandwidth-packages/buy/"]}
    assert_answered_safely(client.get("/cen/bandwidth-packages/buy/", buy, HTTP_HX_REQUEST="true"), buy)
    search = {"q": data.draw(values), "page": data.draw(values)}
    assert_answered_safely(client.get("/cen/instances/", search), search)


@pytest.fixture
def desk(client):
    """The staff's desk, signed in as Support staff, with a customer's open ticket: its queue's address,
    the Action menu and a ticket's buttons (with their fields)."""
    from tests.factories import support_staff

    ticket = open_ticket(buy_package(CenInstanceFactory(), area_a_code="China", area_b_code="China"))
    client.force_login(support_staff())
    return {
        "queue": ["queue", "status__exact", "q", "o", "p"],
        "/desk/selected/": ["action", "_selected_action", "apply", "note"],
        f"/desk/tickets/{ticket.pk}/reply/": ["note"],
        f"/desk/tickets/{ticket.pk}/insert/": ["note", "saved_reply"],
        f"/desk/tickets/{ticket.pk}/reject/": ["note", "confirmed"],
    }


@FUZZ
@given(data=st.data())
def test_the_desks_queue_and_buttons_never_fail_and_escape_markup(client, desk, data):
    """Fuzzed values in the desk's queue address, its Action menu and a ticket's buttons answer with a
    page or a redirect, never a failure, and markup is escaped."""
    for url, fields in desk.items():
        sent = {field: data.draw(values, label=f"{url} {field}") for field in fields}
        response = client.get("/desk/", sent) if url == "queue" else client.post(url, sent)
        assert_answered_safely(response, sent)


def test_null_character_is_refused_with_a_clear_message(client_user):
    """A null character in a query or a form answers 400 with the reason, before any view runs."""
    for response in (
        client_user.get("/cen/instances/", {"q": "a\x00b"}),
        client_user.post("/cen/instances/create/", {"name": "a\x00b"}),
    ):
        assert response.status_code == 400
        assert "null character" in response.content.decode()
