import urllib.parse

import pytest

from cenconsole.api import services as api_services
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


@pytest.fixture
def v3_sdk(user, live_server, monkeypatch):
    """Alibaba Cloud's V3 SDK as `user`'s script on the live server: reads back what the console made."""
    from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, sdk_v3_client

    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)  # the SDK would send even localhost through a proxy
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    yield sdk_v3_client(urllib.parse.urlsplit(live_server.url).netloc)
    from darabonba.core import DaraCore  # its HTTP sessions, closed with the test (as tests/api's sdk_v3)

    for session in DaraCore._sessions.values():
        session.close()
    DaraCore._sessions.clear()


# htmx reports a request it aborted on purpose (hx-sync="this:replace": a tab clicked while another tab's answer
# is on its way) with console.error, as "htmx:sendAbort, <target>" after "htmx:afterRequest, <target>". That is
# the page working as meant, not an error a person meets.
HTMX_ABORT = "htmx:sendAbort"
HTMX_AFTER_REQUEST = "htmx:afterRequest"


class BrowserErrors(list):
    """The page's uncaught errors and console errors, but for htmx's report of each request it aborted."""

    def __init__(self, page):
        super().__init__()
        page.on("console", lambda message: message.type == "error" and self.append(message.text))
        page.on("pageerror", lambda error: self.append(str(error)))

    def real(self) -> list[str]:
        aborts = sum(text.startswith(HTMX_ABORT) for text in self)
        errors = []
        for text in self:
            if text.startswith(HTMX_ABORT):
                continue
            if text.startswith(HTMX_AFTER_REQUEST) and aborts:
                aborts -= 1  # the afterRequest that came with an abort
                continue
            errors.append(text)
        return errors


@pytest.fixture
def browser_errors():
    """browser_errors(page): starts recording the page's errors; `.real()` is what a person could meet."""
    return BrowserErrors
