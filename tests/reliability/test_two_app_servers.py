"""Two app servers (two gunicorn processes on different ports) on one PostgreSQL database."""

import copy
import http.cookiejar
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection

from cenconsole.accounts.models import User
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.conftest import requires_postgres
from tests.factories import PASSWORD, CenInstanceFactory, UserFactory, balance_set, order_purchase
from tests.ports import free_port

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True), pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
# The request limits `make run` serves with (Makefile, GUNICORN_LIMITS).
GUNICORN_LIMITS = [
    "--limit-request-line",
    "8190",
    "--limit-request-fields",
    "100",
    "--limit-request-field_size",
    "8190",
]
GUNICORN_CONTROL = ["--no-control-socket"]  # Makefile, GUNICORN_CONTROL: no socket shared by every gunicorn


@pytest.fixture
def app_servers():
    """Two gunicorn servers, each with two workers, on the test database; their base URLs."""
    db = connection.settings_dict
    env = {
        **os.environ,
        # The test settings: the same code, and the fast password hasher the factories used.
        "DJANGO_SETTINGS_MODULE": "cenconsole.settings_test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "SECRET_KEY": "two-app-servers-share-this-secret-key-for-the-test-only-0123456789",
        "DEBUG": "0",
    }
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [
                    str(GUNICORN),
                    "cenconsole.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    *GUNICORN_LIMITS,
                    *GUNICORN_CONTROL,
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            deadline = time.monotonic() + 90  # a loaded 2-core machine can take a while to boot them
            while True:
                try:
                    urllib.request.urlopen(f"{url}/healthz", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies and CSRF like a browser; the same session works on either server."""

    def __init__(self, jar=None):
        self.jar = jar or http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def post(self, url, form):
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        try:
            response = self.opener.open(request, timeout=30)
            return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")

    def sign_in(self, base, user):
        self.opener.open(f"{base}/accounts/login/", timeout=30).read()
        status, _ = self.post(f"{base}/accounts/login/", {"username": user.username, "password": PASSWORD})
        assert status == 302
        return self


def run_at_once(calls):
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_same_idempotency_key_through_both_servers_makes_one_order(app_servers):
    """Eight Buy Now submissions with one key, split over two servers at once, make one order."""
    user = UserFactory()
    cen = CenInstanceFactory(owner=user)
    browser = Browser().sign_in(app_servers[0], user)
    form = {
        "cen_instance_id": cen.pk,
        "area_a_code": "China",
        "area_b_code": "China",
        "bandwidth": 2,
        "name": "twin",
        "description": "",
        "duration_months": 1,
        "auto_renewal_months": 1,
        "idempotency_key": "one-key",
        "terms_agreed": "on",
    }
    results = run_at_once(
        [lambda base=app_servers[i % 2]: browser.post(f"{base}/cen/bandwidth-packages/buy/", form) for i in range(8)]
    )
    order = Order.objects.get(owner=user)
    assert {status for status, _ in results} == {302}
    assert {location for _, location in results} == {f"/cen/orders/{order.pk}/"}


def test_payments_on_one_balance_through_both_servers_never_overdraw(app_servers):
    """Six USD 68 orders paid at once over two servers on a USD 250 balance: three paid, USD 46 left."""
    user = UserFactory()
    orders = [
        order_purchase(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China", bandwidth=2)
        for _ in range(6)
    ]
    balance_set(user, Decimal("250.00"))
    browser = Browser().sign_in(app_servers[1], user)
    results = run_at_once(
        [
            lambda base=app_servers[i % 2], order=order: browser.post(f"{base}/cen/orders/{order.pk}/pay/", {})
            for i, order in enumerate(orders)
        ]
    )
    assert sorted(status for status, _ in results) == [200, 200, 200, 302, 302, 302]
    assert User.objects.get(pk=user.pk).balance == Decimal("46.00")
    assert Order.objects.filter(owner=user, status="Paid").count() == 3
    assert BandwidthPackage.objects.filter(owner=user).count() == 3


def test_sign_out_on_one_server_ends_the_session_on_the_other(app_servers):
    """A session cookie copied before Sign out on one server opens nothing on the other server."""
    user = UserFactory()
    browser = Browser().sign_in(app_servers[0], user)
    thief = Browser()
    for cookie in browser.jar:
        thief.jar.set_cookie(copy.copy(cookie))
    assert thief.opener.open(f"{app_servers[1]}/cen/instances/", timeout=30).status == 200
    browser.post(f"{app_servers[0]}/accounts/logout/", {})
    with pytest.raises(urllib.error.HTTPError) as redirected:
        thief.opener.open(f"{app_servers[1]}/cen/instances/", timeout=30)
    assert redirected.value.code == 302 and redirected.value.headers["Location"].startswith("/accounts/login/")


def api_error(base, query):
    """(status, Content-Type, Code or None) of a GET of the site root with this query string."""
    try:
        response = urllib.request.urlopen(f"{base}/?{query}", timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    content_type = response.headers.get("Content-Type", "")
    body = response.read()
    code = json.loads(body)["Code"] if content_type == "application/json" else None
    return response.status, content_type, code


def test_a_query_string_past_the_api_limit_but_within_gunicorns_is_answered_by_the_api(app_servers):
    """Between API_MAX_QUERY_STRING_LENGTH and gunicorn's request-line limit: the API's JSON 414."""
    query = "Action=DescribeCens&Version=2017-09-12&Name=" + "x" * 6000
    assert api_error(app_servers[0], query) == (414, "application/json", "RequestURITooLong")


def test_a_request_line_past_gunicorns_limit_gets_gunicorns_own_414(app_servers):
    """Past gunicorn's --limit-request-line (8190) Django never sees the request: gunicorn's HTML 414."""
    query = "Action=DescribeCens&Version=2017-09-12&Name=" + "x" * 9000
    status, content_type, _ = api_error(app_servers[0], query)
    assert status == 414 and content_type != "application/json"
