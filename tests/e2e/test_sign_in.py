import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_shows_instances_page_with_balance(sign_in, user):
    """A person signs in and lands on the Instances page with their balance in the top bar."""
    page = sign_in(user)
    assert page.get_by_role("heading", name="Instances").is_visible()
    assert page.locator("#balance").inner_text() == "USD 10,000.00"
