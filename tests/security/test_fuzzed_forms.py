"""Hypothesis-generated values (huge numbers, unicode, control characters, markup) into every field
of every form: each answer is a page or a redirect, never a 500, and markup is always escaped."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket, trainee_join, workshop_new

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
    return {
        "/cen/instances/create/": ["name", "description"],
        "/cen/bandwidth-packages/buy/": [
            "cen_instance",
            "area_a",
            "area_b",
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


def test_null_character_is_refused_with_a_clear_message(client_user):
    """A null character in a query or a form answers 400 with the reason, before any view runs."""
    for response in (
        client_user.get("/cen/instances/", {"q": "a\x00b"}),
        client_user.post("/cen/instances/create/", {"name": "a\x00b"}),
    ):
        assert response.status_code == 400
        assert "null character" in response.content.decode()
