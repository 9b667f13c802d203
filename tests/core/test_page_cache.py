"""The signed-in page cache (core.page_cache): a page is sent again only where rendering it would give the
same page, with this request's CSRF token and new one-use keys written in."""

import re
from datetime import timedelta

import time_machine
from django.conf import settings
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.transit import services as transit_services
from tests.factories import CenInstanceFactory, UserFactory, open_ticket, order_purchase, support_staff

INSTANCES = reverse("cen:instance_list")
BUY = reverse("bandwidth:buy")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
ANY_TOKEN = re.compile(r"[A-Za-z0-9]{64}")
ORDER_KEY = re.compile(r'name="idempotency_key" value="([0-9a-f]{32})"')


def test_a_page_is_sent_again_with_only_the_account_read(client_user, cen_instance, django_assert_num_queries):
    first = client_user.get(INSTANCES)
    with django_assert_num_queries(1):  # the account's row, which carries the write version
        again = client_user.get(INSTANCES)
    assert again.status_code == 200
    assert cen_instance.pk in again.content.decode()
    assert ANY_TOKEN.sub("", again.content.decode()) == ANY_TOKEN.sub("", first.content.decode())


def _packages_tab(instance):
    return reverse("bandwidth:cen_tab", kwargs={"cen_id": instance.pk})


def test_a_write_shows_on_the_next_request(client_user, cen_instance):
    client_user.get(_packages_tab(cen_instance))
    CenInstance.objects.filter(pk=cen_instance.pk).update(name="renamed-just-now")
    assert "renamed-just-now" in client_user.get(_packages_tab(cen_instance)).content.decode()


def test_a_write_in_raw_sql_shows_on_the_next_request(client_user, cen_instance):
    client_user.get(_packages_tab(cen_instance))
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(CenInstance._meta.db_table)
        cursor.execute(f"UPDATE {table} SET name = %s WHERE id = %s", ["raw-rename", cen_instance.pk])
    assert "raw-rename" in client_user.get(_packages_tab(cen_instance)).content.decode()


def test_another_account_never_gets_the_page(client_user, cen_instance):
    client_user.get(INSTANCES)
    other = Client()
    other.force_login(UserFactory())
    assert cen_instance.pk not in other.get(INSTANCES).content.decode()


def test_a_page_sent_again_carries_a_new_token_for_the_same_cookie(user, cen_instance):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    first = CSRF_INPUT.search(client.get(BUY).content.decode()).group(1)
    again = CSRF_INPUT.search(client.get(BUY).content.decode()).group(1)
    assert first != again
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert _unmask_cipher_token(again) == _unmask_cipher_token(first) == secret


def test_the_token_of_a_page_sent_again_is_accepted(user, cen_instance):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(BUY)
    token = CSRF_INPUT.search(client.get(BUY).content.decode()).group(1)
    response = client.post(BUY, {"csrfmiddlewaretoken": token, "cen_instance_id": cen_instance.pk})
    assert response.status_code == 200  # the form's errors, not a CSRF refusal (403)


def test_another_session_of_the_account_is_sent_the_page_with_its_own_token(
    user, cen_instance, django_assert_num_queries
):
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    first.get(BUY)
    with django_assert_num_queries(1):
        page = second.get(BUY).content.decode()
    token = CSRF_INPUT.search(page).group(1)
    assert _unmask_cipher_token(token) == second.cookies[settings.CSRF_COOKIE_NAME].value


def test_every_opening_of_the_purchase_page_has_a_new_order_key(client_user, cen_instance):
    keys = {ORDER_KEY.search(client_user.get(BUY).content.decode()).group(1) for _ in range(3)}
    assert len(keys) == 3


def test_the_language_is_part_of_the_key(client_user, cen_instance):
    client_user.get(INSTANCES)
    client_user.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert "实例" in client_user.get(INSTANCES).content.decode()


def test_an_htmx_request_gets_its_partial_not_the_page_kept_before(client_user, cen_instance):
    page = client_user.get(INSTANCES).content.decode()
    partial = client_user.get(INSTANCES, headers={"HX-Request": "true"}).content.decode()
    assert "<html" in page
    assert "<html" not in partial


def test_the_query_string_is_part_of_the_key(client_user, user):
    CenInstanceFactory(owner=user, name="alpha-instance")
    CenInstanceFactory(owner=user, name="beta-instance")
    client_user.get(INSTANCES, {"q": "alpha"})
    assert "alpha-instance" not in client_user.get(INSTANCES, {"q": "beta"}).content.decode()


def test_a_page_follows_the_clock(client_user, cen_instance):
    transit_services.transit_router_service_open(owner=cen_instance.owner)
    transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    url = reverse("transit:cen_transit_routers", kwargs={"cen_id": cen_instance.pk})
    with time_machine.travel(clock.real_now(), tick=False) as traveller:
        assert "Creating" in client_user.get(url).content.decode()
        traveller.shift(timedelta(seconds=settings.TRANSIT_TRANSITION_SECONDS + settings.PAGE_CACHE_SECONDS + 1))
        page = client_user.get(url).content.decode()
    assert "Creating" not in page
    assert "Active" in page


def test_a_page_with_a_message_is_shown_once(client_user, cen_instance):
    delete = reverse("cen:instance_delete", kwargs={"cen_id": cen_instance.pk})
    client_user.get(INSTANCES)
    shown = client_user.post(delete, follow=True).content.decode()
    assert "is being deleted" in shown
    assert "is being deleted" not in client_user.get(INSTANCES).content.decode()


def test_nothing_is_kept_when_the_cache_is_off(client_user, cen_instance, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client_user.get(_packages_tab(cen_instance))
    with CaptureQueriesContext(connection) as queries:
        client_user.get(_packages_tab(cen_instance))
    assert len(queries) > 1  # rendered again: the instance and its packages read


def test_the_desk_queue_is_sent_again_until_a_ticket_changes(package):
    staff = Client()
    staff.force_login(support_staff())
    queue = reverse("desk:queue")
    staff.get(queue)
    with CaptureQueriesContext(connection) as queries:
        staff.get(queue)
    assert "tickets_deletionticket" not in " ".join(query["sql"] for query in queries)  # the queue is not read
    ticket = open_ticket(package, reason="Closing the office")
    assert ticket.number in staff.get(queue).content.decode()


def test_the_order_page_of_the_seeds_flow_is_sent_again_with_a_token_for_pay(
    user, cen_instance, django_assert_num_queries
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    order = order_purchase(cen_instance)
    page = reverse("bandwidth:order_detail", kwargs={"order_id": order.pk})
    client.get(page)
    with django_assert_num_queries(1):
        token = CSRF_INPUT.search(client.get(page).content.decode()).group(1)
    pay = reverse("bandwidth:order_pay", kwargs={"order_id": order.pk})
    assert client.post(pay, {"csrfmiddlewaretoken": token}).status_code == 302
