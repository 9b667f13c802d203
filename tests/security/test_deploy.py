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
        cwd=ROOT, env=env, capture_output=True, text=True,
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
    for path in ("/cen/instances/", f"/cen/instances/{cen_instance.pk}/bandwidth-packages/",
                 f"/cen/bandwidth-packages/buy/?cen_id={cen_instance.pk}", "/cen/orders/"):
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
    assert response.status_code == 302
    assert user.cen_instances.filter(name="x").exists()
