import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_after_touching_the_database(client, django_assert_num_queries):
    """/healthz answers 200 and runs one query."""
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
