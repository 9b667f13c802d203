import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    """`manage.py check --deploy` with production settings (DEBUG off, HTTPS, a real key) is silent."""
    env = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cenconsole.settings",
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": "k" * 10 + "production-secret-key-with-enough-entropy-for-django-check-7f3a9",
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_pages_send_the_security_headers(client_user):
    """Pages send CSP without inline scripts, nosniff, a referrer policy and frame denial."""
    response = client_user.get("/cen/instances/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_pages_have_no_inline_scripts(client_user, cen_instance):
    """No page of the purchase flow carries an inline <script> (the CSP would block it)."""
    for path in (
        "/cen/instances/",
        f"/cen/instances/{cen_instance.pk}/bandwidth-packages/",
        f"/cen/bandwidth-packages/buy/?cen_id={cen_instance.pk}",
        "/cen/orders/",
    ):
        page = client_user.get(path).content.decode()
        for tag in page.split("<script")[1:]:
            assert " src=" in tag.split(">")[0], f"inline script on {path}"


@pytest.mark.django_db
def test_hsts_is_sent_over_https(settings, client_user):
    """Over HTTPS the console sends Strict-Transport-Security."""
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client_user.get("/cen/instances/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_htmx_post_without_csrf_token_is_refused(user):
    """An htmx POST without the CSRF token gets 403 and creates nothing."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/cen/instances/create/", {"name": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert not user.cen_instances.exists()


@pytest.mark.django_db
def test_htmx_post_with_the_hx_headers_token_is_accepted(user):
    """The token htmx sends from <body hx-headers> is accepted."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get("/cen/instances/").content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    response = client.post("/cen/instances/create/", {"name": "x"}, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/cen/instances/"  # the dialog's OK
    assert user.cen_instances.filter(name="x").exists()


def test_every_gunicorn_we_start_has_no_shared_control_socket():
    """make run, make bench and the two-app-server tests start gunicorn with --no-control-socket: by
    default every gunicorn of a user shares ~/.gunicorn/gunicorn.ctl, whatever its port."""
    dry_run = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", "PORT=8999"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    start = dry_run[dry_run.index("gunicorn cenconsole.wsgi") :]
    assert "--no-control-socket" in start.split("\n\n")[0]  # the one gunicorn command (continued lines)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert "--no-control-socket" in bench.GUNICORN_CONTROL
    from tests.reliability import test_two_app_servers

    assert "--no-control-socket" in test_two_app_servers.GUNICORN_CONTROL


def sign_in_behind_a_port_dropping_proxy(user, password):
    """The sign-in POST as nginx's `proxy_set_header Host $host` passes it: the Host without the port the
    browser used, the browser's Origin with it."""
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="console.example.com")
    browser.get("/accounts/login/")
    form = {"username": user.username, "password": password, "csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
    return browser.post("/accounts/login/", form, HTTP_ORIGIN="http://console.example.com:8080").status_code


@pytest.mark.django_db
def test_behind_a_proxy_that_drops_the_port_csrf_trusted_origins_lets_forms_through(settings, user, user_password):
    """Behind `Host $host` every form is refused 403 by CSRF, unless CSRF_TRUSTED_ORIGINS names the
    address users type (docs/operating/deployment.md)."""
    settings.ALLOWED_HOSTS = ["console.example.com"]
    assert sign_in_behind_a_port_dropping_proxy(user, user_password) == 403
    settings.CSRF_TRUSTED_ORIGINS = ["http://console.example.com:8080"]
    assert sign_in_behind_a_port_dropping_proxy(user, user_password) == 302
