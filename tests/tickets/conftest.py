import pytest

from tests.factories import buy_package, support_staff
from tests.ports import free_port


@pytest.fixture
def package(cen_instance):
    """A refundable package (Mainland China <-> Mainland China): a cross-border one is never refunded,
    so "no refund" would hold whether or not a ticket's refund flag is honoured."""
    return buy_package(cen_instance, area_a_code="China", area_b_code="China")


@pytest.fixture
def staff(db):
    return support_staff()


class Mailbox:
    """What a real SMTP server (aiosmtpd, on a free local port) received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if address in message["To"]]


@pytest.fixture
def smtp_port(settings):
    """Django sends through SMTP to 127.0.0.1 on a free port (nothing listens there yet)."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return port


@pytest.fixture
def start_smtp_server():
    """Starts a real SMTP server on a port; stopped after the test."""
    from aiosmtpd.controller import Controller

    controllers = []

    def start(port):
        mailbox = Mailbox()
        controller = Controller(mailbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        return mailbox

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def mailbox(smtp_port, start_smtp_server):
    return start_smtp_server(smtp_port)
