import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_after_touching_the_database(client, django_assert_num_queries):
    """/healthz answers 200 and runs one query."""
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_reads_no_session_or_account(client_user, django_assert_num_queries):
    """A signed-in /healthz runs only its own query: no session is read and no account is loaded."""
    with django_assert_num_queries(1):
        response = client_user.get("/healthz")
    assert response.status_code == 200
    assert "Cookie" not in response.headers.get("Vary", "")


def test_healthz_keeps_its_headers(client):
    """The health check is never cached and sends the pages' security headers."""
    response = client.get("/healthz")
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_healthz_refuses_other_methods(client):
    """POST /healthz is refused (405), as before."""
    assert client.post("/healthz").status_code == 405


def test_healthz_refuses_an_unknown_host(client):
    """A Host outside ALLOWED_HOSTS gets 400 at /healthz too."""
    assert client.get("/healthz", HTTP_HOST="evil.example").status_code == 400
