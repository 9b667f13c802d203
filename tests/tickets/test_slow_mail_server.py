"""A slow mail server blocks nobody (issue 19): requests only write the outbox, and the worker
(send_notifications) returns within its deadline against real SMTP peers that stall: one that accepts
and never answers, one that sends a byte every second (each socket read then stays within its timeout)."""

import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from cenconsole.tickets.models import EmailNotification
from tests.factories import open_ticket, support_staff
from tests.ports import free_port

STAFF_RECIPIENTS = 6


class StallingServer:
    """A TCP server on 127.0.0.1 that accepts SMTP connections and never finishes a reply: silent, or
    dribbling one byte of a reply line that never ends every `dribble_every` seconds, from the greeting
    on or (`greet`) after a prompt greeting, answering the client's first command so."""

    def __init__(self, *, dribble_every: float | None = None, greet: bool = False):
        self.dribble_every = dribble_every
        self.greet = greet
        self.listener = socket.create_server(("127.0.0.1", free_port()))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            if self.dribble_every:
                threading.Thread(target=self._dribble, args=(connection,), daemon=True).start()

    def _dribble(self, connection):
        try:
            if self.greet:
                connection.sendall(b"220 mail.example.com ESMTP\r\n")
                connection.recv(1024)  # EHLO
            connection.sendall(b"220")
            while not self.stopped.wait(self.dribble_every):
                connection.sendall(b"-")
        except OSError:
            return

    def stop(self):
        self.stopped.set()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() in the other thread
        except OSError:
            pass
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture(params=["silent", "dribbling", "greets-then-dribbles"])
def stalling_server(request, settings):
    server = StallingServer(
        dribble_every=None if request.param == "silent" else 1, greet=request.param == "greets-then-dribbles"
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def staff_recipients(db):
    staff = [support_staff(username=f"support{number}") for number in range(STAFF_RECIPIENTS)]
    for number, member in enumerate(staff):
        member.email = f"support{number}@example.com"
        member.save(update_fields=["email"])
    return staff


@pytest.mark.django_db(transaction=True)
def test_request_deletion_answers_at_once_with_a_stalling_mail_server(
    stalling_server, staff_recipients, package, client_user
):
    """Request Deletion with six staff recipients answers in well under a second; the outbox holds the mails."""
    started = time.monotonic()
    response = client_user.post(reverse("tickets:request_deletion", args=[package.pk]), {"reason": "Done"})
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert elapsed < 0.5, f"Request Deletion took {elapsed:.1f} s"
    outbox = EmailNotification.objects.filter(recipient__startswith="support")
    assert outbox.count() == STAFF_RECIPIENTS
    assert set(outbox.values_list("status", "attempts")) == {(EmailNotification.Status.PENDING, 0)}


@pytest.mark.slow  # waits out the worker's deadline against each stalling server
@pytest.mark.django_db
def test_the_worker_returns_within_its_deadline_and_leaves_the_rest_for_later(
    stalling_server, staff_recipients, package
):
    """send_notifications --seconds 3 returns within its deadline; the mails it did not reach are untouched."""
    open_ticket(package)
    started = time.monotonic()
    call_command("send_notifications", seconds=3)
    elapsed = time.monotonic() - started
    assert elapsed < 4, f"send_notifications took {elapsed:.1f} s"
    tried = EmailNotification.objects.filter(attempts=1)
    assert tried.count() == 1 and tried.get().status == EmailNotification.Status.FAILED
    waiting = EmailNotification.objects.filter(attempts=0, status=EmailNotification.Status.PENDING)
    assert waiting.count() == STAFF_RECIPIENTS - 1


@pytest.mark.django_db
def test_the_worker_delivers_every_mail_through_a_real_server(mailbox, staff_recipients, package):
    """Against a real SMTP server (aiosmtpd) the worker delivers the outbox: one email per staff member."""
    open_ticket(package)
    assert mailbox.messages == []
    call_command("send_notifications")
    assert sorted(message["To"] for message in mailbox.messages) == sorted(
        f"support{number}@example.com" for number in range(STAFF_RECIPIENTS)
    )
    assert set(EmailNotification.objects.values_list("status", flat=True)) == {EmailNotification.Status.SENT}


@pytest.mark.slow  # a stalled run, then the next one
@pytest.mark.django_db
def test_a_later_run_sends_what_a_stalled_one_left(
    settings, stalling_server, start_smtp_server, staff_recipients, package
):
    """The mails a stalled run left are sent by the next run once the server answers again."""
    open_ticket(package)
    call_command("send_notifications", seconds=2)
    stalling_server.stop()
    mailbox = start_smtp_server(stalling_server.port)
    call_command("send_notifications")
    assert len(mailbox.messages) == STAFF_RECIPIENTS
