"""The deployment guide, run as written (issue 29): Debian's nginx with docs/operating/deployment.md's configuration
in front of two app servers started with its settings on one PostgreSQL database; sign-in, Buy Now, Pay
and Join workshop through it, with the requests going to both servers in turn."""

import http.client
import http.cookiejar
import itertools
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from cenconsole.bandwidth.models import Order
from cenconsole.workshops.models import Trainee
from tests.conftest import requires_postgres
from tests.factories import PASSWORD, CenInstanceFactory, UserFactory, workshop_new
from tests.ports import free_port
from tests.reliability.test_two_app_servers import GUNICORN_CONTROL, GUNICORN_LIMITS

pytestmark = [pytest.mark.postgres, requires_postgres, pytest.mark.django_db(transaction=True), pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "operating" / "deployment.md"
GUNICORN = Path(sys.executable).with_name("gunicorn")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The users' address, as the browser sends it in Origin: a loopback address of its own, so the app servers
# can be shown to read it from X-Forwarded-For (nginx itself connects to them from 127.0.0.1).
CLIENT_ADDRESS = "127.0.0.3"


def guide_block(language: str, holding: str) -> str:
    """The guide's one fenced block in this language that holds this text."""
    blocks = [block for block in re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(), re.S) if holding in block]
    assert len(blocks) == 1, f"docs/operating/deployment.md has {len(blocks)} {language} blocks with {holding!r}"
    return blocks[0]


def guide_settings() -> dict[str, str]:
    """Step 2's settings, as NAME=value lines."""
    block = guide_block("sh", "SECRET_KEY=")
    return dict(line.split("=", 1) for line in block.splitlines() if re.match(r"[A-Z_]+=", line))


def nginx_or_skip():
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: `make test-system` installs it (nginx-light).")
        pytest.skip("nginx is missing (make test-system installs it)")


def wait_until_up(url, seconds=90):
    deadline = time.monotonic() + seconds  # a loaded 2-core machine can take a while to boot gunicorn
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def balancer(tmp_path):
    """nginx (the guide's site) on a free loopback port in front of two app servers with the guide's
    settings: its base URL, the app servers' addresses, their access logs and nginx's."""
    nginx_or_skip()
    balancer_port, app_ports = free_port(), [free_port(), free_port()]
    public = f"http://127.0.0.1:{balancer_port}"  # what users type: the guide's http://console.example.com
    db = connection.settings_dict
    # The guide's example addresses, made loopback ones: the address users type, the balancer's address as
    # the app servers see it, the app servers' own, and the database.
    swaps = {
        "http://console.example.com": public,
        "console.example.com": "127.0.0.1",
        "10.0.0.5": "127.0.0.1",
        "10.0.0.11:8000": f"127.0.0.1:{app_ports[0]}",
        "10.0.0.12:8000": f"127.0.0.1:{app_ports[1]}",
        "postgres://postgres@db.example.internal:5432/cenconsole": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
    }

    def local(text):
        for example, here in swaps.items():
            text = text.replace(example, here)
        return text

    site = local(guide_block("nginx", "upstream")).replace("listen 80;", f"listen 127.0.0.1:{balancer_port};")
    assert f"127.0.0.1:{app_ports[1]}" in site and f"listen 127.0.0.1:{balancer_port};" in site
    (tmp_path / "site.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {tmp_path}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # workers as the test's own user: they write tmp_path
        + f"worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        # The balancer's own log says which app server took each request (the harness's, not the guide's).
        f"http {{\n    log_format upstream '$upstream_addr $status $request';\n"
        f"    access_log {tmp_path}/access.log upstream;\n{temp_paths}\n    include {tmp_path}/site.conf;\n}}\n"
    )
    settings = {name: local(value) for name, value in guide_settings().items()}
    env = {
        **os.environ,
        **settings,
        # The test settings: the same code, with the fast password hasher the factories used.
        "DJANGO_SETTINGS_MODULE": "cenconsole.settings_test",
        "DEBUG": "0",
    }
    assert settings["DEMO_ACCOUNTS"] == "0" and settings["CSRF_TRUSTED_ORIGINS"] == public
    processes, logs = [], [tmp_path / "app1.log", tmp_path / "app2.log"]
    try:
        for port, log in zip(app_ports, logs, strict=True):
            # As `make run` serves (Makefile: --bind $(HOST):$(PORT)), HOST a loopback address here.
            processes.append(
                subprocess.Popen(
                    [
                        str(GUNICORN),
                        "cenconsole.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "2",
                        "--access-logfile",
                        str(log),
                        "--timeout",
                        "60",
                        *GUNICORN_LIMITS,
                        *GUNICORN_CONTROL,
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        processes.append(
            subprocess.Popen(
                [
                    NGINX,
                    "-p",
                    str(tmp_path),
                    "-e",
                    str(tmp_path / "error.log"),
                    "-c",
                    str(tmp_path / "nginx.conf"),
                    "-g",
                    "daemon off;",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        for port in app_ports:
            wait_until_up(f"http://127.0.0.1:{port}/healthz")
        wait_until_up(f"{public}/healthz", seconds=20)
        yield public, [f"127.0.0.1:{port}" for port in app_ports], logs, tmp_path / "access.log"
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


class FromAddress(urllib.request.HTTPHandler):
    """Connects from CLIENT_ADDRESS, as a user's browser on another machine would."""

    def http_open(self, request):
        return self.do_open(
            lambda host, **kwargs: http.client.HTTPConnection(host, source_address=(CLIENT_ADDRESS, 0), **kwargs),
            request,
        )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies, CSRF tokens from the forms, and Origin and Referer on every POST, as a browser sends them."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            FromAddress, urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def open(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        headers = {"Referer": self.base + path, **({"Origin": self.base} if form is not None else {})}
        try:
            response = self.opener.open(urllib.request.Request(self.base + path, data, headers), timeout=30)
        except urllib.error.HTTPError as error:  # redirects (not followed) and refusals
            return error.code, error.headers.get("Location"), error.read().decode()
        return response.status, response.headers.get("Location"), response.read().decode()

    def submit(self, page_path, action_path, fields):
        """Opens the page, then posts its form with the CSRF token (and the hidden fields named in fields
        with None, read from the page)."""
        status, _location, page = self.open(page_path)
        assert status == 200, (page_path, status)
        form = {"csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)}
        for name, value in fields.items():
            if value is None:
                value = re.search(rf'name="{name}" value="([^"]*)"', page).group(1)
            form[name] = value
        return self.open(action_path, form)


def test_the_guides_nginx_and_settings_serve_sign_in_a_purchase_and_a_workshop_join(balancer):
    """Through nginx as documented: sign in, Buy Now and Pay, Join workshop all succeed (no CSRF 403),
    both app servers serve about half the requests, and the trainee's address is the browser's."""
    base, app_servers, logs, balancer_log = balancer
    user = UserFactory()
    cen = CenInstanceFactory(owner=user)
    workshop = workshop_new(seat_limit=5)

    buyer = Browser(base)
    status, location, _ = buyer.submit(
        "/accounts/login/", "/accounts/login/", {"username": user.username, "password": PASSWORD}
    )
    assert status == 302, "sign-in through the balancer"
    status, location, _ = buyer.submit(
        "/cen/bandwidth-packages/buy/",
        "/cen/bandwidth-packages/buy/",
        {
            "cen_instance_id": cen.pk,
            "area_a_code": "China",
            "area_b_code": "China",
            "bandwidth": 2,
            "name": "via-nginx",
            "description": "",
            "duration_months": 1,
            "auto_renewal_months": 1,
            "idempotency_key": None,
            "terms_agreed": "on",
        },
    )
    order = Order.objects.get(owner=user)
    assert (status, location) == (302, f"/cen/orders/{order.pk}/"), "Buy Now through the balancer"
    status, _location, _ = buyer.submit(location, f"{location}pay/", {})
    assert status == 302, "Pay through the balancer"
    assert Order.objects.get(pk=order.pk).status == "Paid"

    trainee = Browser(base)
    status, location, _ = trainee.submit(f"/w/{workshop.code}/", f"/w/{workshop.code}/", {"display_name": "Ana"})
    assert (status, location) == (302, "/how-to-buy/"), "Join workshop through the balancer"
    assert trainee.open("/how-to-buy/")[0] == 200
    assert Trainee.objects.get(workshop=workshop).ip_address == CLIENT_ADDRESS  # TRUSTED_PROXIES at work

    taken_by = [line.split()[0] for line in balancer_log.read_text().splitlines()]
    assert len(taken_by) >= 10 and set(taken_by) == set(app_servers), taken_by
    assert all(one != next_one for one, next_one in itertools.pairwise(taken_by)), f"not in turn: {taken_by}"
    assert all(len(log.read_text().splitlines()) >= 5 for log in logs)  # each app server's own access log
