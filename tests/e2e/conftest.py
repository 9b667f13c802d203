import pytest

from tests.factories import PASSWORD


@pytest.fixture
def sign_in(live_server, page):
    """Signs `user` in through the login page, as a person would."""

    def sign_in_as(user, password=PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        # Where the account's work is: Instances, or Workshops, the desk or the admin for staff.
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.wait_for_load_state()
        return page

    return sign_in_as


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
