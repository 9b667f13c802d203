"""Ticket emails, sent through a real SMTP server (aiosmtpd on a free local port): requests write the
outbox, the worker (send_notifications) sends it, never failing the action, and retries when the server
is down."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket, EmailNotification
from tests.factories import buy_package, open_ticket

pytestmark = pytest.mark.django_db

USER_EMAIL = "owner@example.com"
STAFF_EMAIL = "support@example.com"


@pytest.fixture(autouse=True)
def addresses(user, staff):
    user.email = USER_EMAIL
    user.save(update_fields=["email"])
    staff.email = STAFF_EMAIL
    staff.save(update_fields=["email"])


def test_new_ticket_emails_the_support_staff_group(mailbox, package):
    """Opening a ticket emails the Support staff group, plain text and HTML, with a link to the ticket."""
    ticket = open_ticket(package, reason="Project over")
    call_command("send_notifications")
    [email] = mailbox.to(STAFF_EMAIL)
    assert ticket.number in email["Subject"]
    text = email.get_body(("plain",)).get_content()
    html = email.get_body(("html",)).get_content()
    link = f"/desk/tickets/{ticket.pk}/"
    assert "Project over" in text and link in text and link in html
    assert not mailbox.to(USER_EMAIL)


def test_the_action_only_writes_the_outbox(mailbox, package):
    """Opening a ticket sends nothing itself: the email waits in the outbox for the worker."""
    open_ticket(package)
    assert mailbox.messages == []
    assert EmailNotification.objects.get().status == EmailNotification.Status.PENDING


@pytest.mark.parametrize(
    ("action", "subject"),
    [
        (lambda t, s: services.ticket_staff_reply(ticket_id=t.pk, staff=s, note="Hello"), "replied"),
        (lambda t, s: services.ticket_assign(ticket_id=t.pk, staff=s), "is now processing"),
        (lambda t, s: services.ticket_ask_information(ticket_id=t.pk, staff=s, note="Why?"), "replied"),
        (lambda t, s: services.ticket_approve(ticket_id=t.pk, staff=s, note="OK"), "was approved"),
        (lambda t, s: services.ticket_reject(ticket_id=t.pk, staff=s, note="No"), "was rejected"),
    ],
    ids=["reply", "assign", "ask", "approve", "reject"],
)
def test_user_is_emailed_on_every_staff_reply_status_change_and_outcome(mailbox, package, staff, action, subject):
    """Each staff action emails the user, with a link to the ticket's page in the console."""
    ticket = open_ticket(package)
    action(ticket, staff)
    call_command("send_notifications")
    [email] = mailbox.to(USER_EMAIL)
    assert subject in email["Subject"] and ticket.number in email["Subject"]
    assert f"/cen/tickets/{ticket.pk}/" in email.get_body(("plain",)).get_content()


def test_user_reply_emails_the_staff(mailbox, package, staff, client_user):
    """Send Reply emails the Support staff group with the reply."""
    ticket = open_ticket(package)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Why?")
    client_user.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": "Because of costs"})
    call_command("send_notifications")
    [email] = [message for message in mailbox.to(STAFF_EMAIL) if "replied" in message["Subject"]]
    assert "Because of costs" in email.get_body(("plain",)).get_content()


def test_smtp_server_down_the_action_succeeds_and_the_send_is_retried(
    smtp_port, start_smtp_server, package, staff, client
):
    """With the mail server down, Ask for information still succeeds; the worker's failure is recorded,
    and send_notifications delivers the email once the server is up."""
    ticket = open_ticket(package)
    client.force_login(staff)
    response = client.post(
        reverse("desk:ticket_action", args=[ticket.pk, "ask_info"]), {"note": "Which project?"}, follow=True
    )
    call_command("send_notifications")
    assert response.status_code == 200 and "awaiting the user" in response.content.decode()
    assert DeletionTicket.objects.get(pk=ticket.pk).status == DeletionTicket.Status.AWAITING_USER
    failed = EmailNotification.objects.get(recipient=USER_EMAIL)
    assert (failed.status, failed.attempts) == (EmailNotification.Status.FAILED, 1)
    assert failed.last_error

    call_command("send_notifications")  # still down: one more failed attempt
    assert EmailNotification.objects.get(pk=failed.pk).attempts == 2

    mailbox = start_smtp_server(smtp_port)
    call_command("send_notifications")
    sent = EmailNotification.objects.get(pk=failed.pk)
    assert (sent.status, sent.attempts, sent.last_error) == (EmailNotification.Status.SENT, 3, "")
    [email] = mailbox.to(USER_EMAIL)
    assert "Which project?" in email.get_body(("plain",)).get_content()
    call_command("send_notifications")  # sent emails are not sent again
    assert len(mailbox.to(USER_EMAIL)) == 1


def test_user_action_succeeds_with_the_server_down(smtp_port, package, client_user):
    """Submit Ticket succeeds with the mail server down; the worker records the staff's email as failed."""
    response = client_user.post(reverse("tickets:request_deletion", args=[package.pk]), {"reason": "Done"}, follow=True)
    call_command("send_notifications")
    assert response.status_code == 200 and "was submitted" in response.content.decode()
    assert EmailNotification.objects.get(recipient=STAFF_EMAIL).status == EmailNotification.Status.FAILED


def test_sending_gives_up_after_the_maximum_attempts(smtp_port, package, settings):
    """A notification that failed NOTIFICATION_MAX_ATTEMPTS times is no longer tried."""
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    open_ticket(package)
    call_command("send_notifications")
    call_command("send_notifications")
    call_command("send_notifications")
    assert EmailNotification.objects.get().attempts == 2


def test_user_without_an_email_gets_none(mailbox, package, staff, user):
    """An account without an address is not emailed (and nothing fails)."""
    user.email = ""
    user.save(update_fields=["email"])
    ticket = open_ticket(package)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Hi")
    call_command("send_notifications")
    assert not EmailNotification.objects.filter(recipient="").exists()
    assert [message["To"] for message in mailbox.messages] == [STAFF_EMAIL]  # the new ticket's, to staff


def test_desk_and_admin_show_what_was_sent(client, staff, package):
    """The ticket's page at the desk and the admin's Email notifications list show each email and its status."""
    ticket = open_ticket(package)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Hi")
    client.force_login(staff)
    page = client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    assert USER_EMAIL in page and STAFF_EMAIL in page and "Alibaba Cloud Support replied" in page
    page = client.get(reverse("admin:tickets_emailnotification_changelist")).content.decode()
    assert USER_EMAIL in page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("smtp://mail.example.com:2525", {"EMAIL_HOST": "mail.example.com", "EMAIL_PORT": 2525}),
        (
            "smtp+tls://me:secret@mail.example.com:587",
            {"EMAIL_HOST_USER": "me", "EMAIL_HOST_PASSWORD": "secret", "EMAIL_USE_TLS": True, "EMAIL_PORT": 587},
        ),
        ("smtp+ssl://me:secret@mail.example.com:465", {"EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False}),
    ],
)
def test_email_url_is_read_by_dj_email_url(url, expected):
    """EMAIL_URL's forms, including django-environ's smtp+tls:// and smtp+ssl:// spellings."""
    import dj_email_url

    from cenconsole.settings import _email_url

    parsed = dj_email_url.parse(_email_url(url))
    assert {key: parsed[key] for key in expected} == expected


def test_outcome_email_states_the_refund_the_release_time_and_the_package(
    mailbox, cen_instance, staff, django_capture_on_commit_callbacks
):
    """Release and refund unused time: the user's email names the package, when it was released and
    the USD amount refunded, in plain text and HTML."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", name="shop-link")
    ticket = open_ticket(package)
    amount = services.approval_refund(ticket)
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True, note="Released as asked")
    call_command("send_notifications")  # the worker sends what the requests wrote
    released_at = BandwidthPackage.objects.get(pk=package.pk).released_at
    [email] = [message for message in mailbox.to(USER_EMAIL) if "was approved" in message["Subject"]]
    for part in ("plain", "html"):
        body = email.get_body((part,)).get_content()
        assert f"USD {amount:,.2f}" in body
        assert f"released at {released_at:%Y-%m-%d %H:%M} UTC" in body
        assert package.pk in body and "shop-link" in body


def test_outcome_email_without_refund_says_none_was_made(mailbox, package, staff, django_capture_on_commit_callbacks):
    """Release without refund: the email says the package was released and nothing was refunded."""
    ticket = open_ticket(package)
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_approve(ticket_id=ticket.pk, staff=staff)
    call_command("send_notifications")  # the worker sends what the requests wrote
    [email] = [message for message in mailbox.to(USER_EMAIL) if "was approved" in message["Subject"]]
    body = email.get_body(("plain",)).get_content()
    assert "No refund was made." in body and f"{package.pk} (" in body


def test_reject_email_says_the_package_stays(mailbox, package, staff, django_capture_on_commit_callbacks):
    """Reject: the email says the package stays as it is."""
    ticket = open_ticket(package)
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_reject(ticket_id=ticket.pk, staff=staff, note="Contract")
    call_command("send_notifications")  # the worker sends what the requests wrote
    [email] = [message for message in mailbox.to(USER_EMAIL) if "was rejected" in message["Subject"]]
    assert f"Bandwidth package {package.pk} stays as it is." in email.get_body(("plain",)).get_content()
