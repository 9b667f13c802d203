"""The browser tests' error recorder (tests/e2e/conftest.py BrowserErrors) leaves out only htmx's report of a
request it aborted on purpose, nothing a person could meet."""

from tests.e2e.conftest import BrowserErrors


class FakePage:
    def __init__(self):
        self.handlers = {}

    def on(self, event, handler):
        self.handlers[event] = handler


class Message:
    def __init__(self, text, type="error"):
        self.text, self.type = text, type


def recorded(*texts):
    page = FakePage()
    errors = BrowserErrors(page)
    for text in texts:
        page.handlers["console"](Message(text))
    return errors


def test_an_aborted_request_is_not_an_error():
    """hx-sync="this:replace" aborting an older tab request: htmx's afterRequest and sendAbort lines go."""
    errors = recorded("htmx:afterRequest, [object HTMLDivElement]", "htmx:sendAbort, [object HTMLDivElement]")
    assert errors.real() == []


def test_a_failed_request_is_an_error():
    """A request that failed (network error) is reported: its afterRequest has no abort beside it."""
    errors = recorded("htmx:afterRequest, [object HTMLDivElement]", "htmx:sendError, [object HTMLDivElement]")
    assert errors.real() == ["htmx:afterRequest, [object HTMLDivElement]", "htmx:sendError, [object HTMLDivElement]"]


def test_a_script_error_beside_an_abort_is_kept():
    """Only one afterRequest goes per abort; uncaught errors and console errors stay."""
    page = FakePage()
    errors = BrowserErrors(page)
    for text in ("htmx:afterRequest, a", "htmx:sendAbort, a", "htmx:afterRequest, b", "TypeError: x is undefined"):
        page.handlers["console"](Message(text))
    page.handlers["pageerror"](ValueError("boom"))
    assert errors.real() == ["htmx:afterRequest, b", "TypeError: x is undefined", "boom"]


def test_console_messages_other_than_errors_are_not_recorded():
    """A console.log is not an error."""
    page = FakePage()
    errors = BrowserErrors(page)
    page.handlers["console"](Message("htmx:afterRequest, a", type="log"))
    assert list(errors) == []
