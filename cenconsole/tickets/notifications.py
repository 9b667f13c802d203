"""Email about tickets, through an outbox: a notification is a row written in the ticket's
transaction, and that is all a request does. `manage.py send_notifications` (the worker, run by `make
run` on its own loop) sends them, within an overall deadline, so a slow or broken mail server never
blocks a request or undoes the action that caused it, and the worker always returns in bounded time.
A failed send is recorded on its row (attempts, last error) and retried by the worker's next run."""

import logging
import signal
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from cenconsole.core import clock
from cenconsole.core.validators import printable_text

from .models import DeletionTicket, EmailNotification

SUPPORT_GROUP = "Support staff"

# Subjects, by event. %(number)s is the ticket's number.
USER_SUBJECTS = {
    "reply": gettext_noop("Ticket %(number)s: Alibaba Cloud Support replied"),
    "status": gettext_noop("Ticket %(number)s is now %(status)s"),
    "outcome": gettext_noop("Ticket %(number)s was %(status)s"),
}
STAFF_SUBJECTS = {
    "opened": gettext_noop("New deletion ticket %(number)s from %(username)s"),
    "reply": gettext_noop("Ticket %(number)s: %(username)s replied"),
}

log = logging.getLogger("cenconsole.tickets.notifications")


def _queue(*, ticket: DeletionTicket, recipients, subject: str, context: dict, link: str) -> list[int]:
    ids = []
    for recipient in sorted(set(filter(None, recipients))):
        with translation.override(settings.LANGUAGE_CODE):
            context = {**context, "ticket": ticket, "link": link, "subject": subject}
            notification = EmailNotification.objects.create(
                ticket=ticket,
                recipient=recipient,
                # No raw control character reaches a mail client or the console backend's terminal,
                # even from a text stored before the services refused them.
                subject=printable_text(subject)[:200],
                body_text=printable_text(render_to_string("tickets/email/ticket_update.txt", context)),
                body_html=printable_text(render_to_string("tickets/email/ticket_update.html", context)),
            )
        ids.append(notification.pk)
    return ids


def staff_recipients() -> list[str]:
    """The Support staff group's addresses (and superusers'), those who handle tickets."""
    staff = get_user_model().objects.filter(is_active=True).exclude(email="")
    return list(
        staff.filter(Q(groups__name=SUPPORT_GROUP) | Q(is_superuser=True)).values_list("email", flat=True).distinct()
    )


def notify_user(*, ticket: DeletionTicket, event: str, message) -> list[int]:
    """Tells the requester of a staff reply, a status change or the outcome."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext(USER_SUBJECTS[event]) % {
            "number": ticket.number,
            "status": ticket.get_status_display().lower(),
        }
    link = settings.CONSOLE_URL + reverse("tickets:ticket_detail", args=[ticket.pk])
    return _queue(
        ticket=ticket,
        recipients=[ticket.requester.email],
        subject=subject,
        context={"message": message, "to_staff": False, "outcome": event == "outcome"},
        link=link,
    )


def notify_staff(*, ticket: DeletionTicket, event: str, message) -> list[int]:
    """Tells the Support staff group of a new ticket or a user's reply."""
    subject = gettext(STAFF_SUBJECTS[event]) % {"number": ticket.number, "username": ticket.requester.username}
    link = settings.CONSOLE_URL + reverse("desk:ticket", args=[ticket.pk])
    return _queue(
        ticket=ticket,
        recipients=staff_recipients(),
        subject=subject,
        context={"message": message, "to_staff": True},
        link=link,
    )


def _deliver(notification: EmailNotification, connection) -> None:
    # Again as it leaves: a row queued before this release may hold raw control characters.
    email = EmailMultiAlternatives(
        subject=printable_text(notification.subject),
        body=printable_text(notification.body_text),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        connection=connection,
    )
    email.attach_alternative(printable_text(notification.body_html), "text/html")
    email.send()


class SendDeadline(Exception):
    """The worker's overall deadline passed while a mail server was still answering."""


@contextmanager
def _deadline(seconds: float):
    """Interrupts the block after `seconds`, however the mail server dribbles its answer (a byte every
    few seconds keeps each socket read within its timeout). A real-time alarm signal, so only in the
    main thread (the worker command); elsewhere the SMTP timeouts alone bound each read."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise SendDeadline("the mail server had not finished answering by the worker's deadline")

    previous = signal.signal(signal.SIGALRM, interrupt)
    # Again every half second after the first: the SMTP backend's cleanup (QUIT) after the interruption
    # would otherwise wait on the same dribbling server.
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _abandon(connection) -> None:
    """Drops a connection left in an unknown state without talking to the server again (no QUIT)."""
    sock = getattr(getattr(connection, "connection", None), "sock", None)
    if sock is not None:
        sock.close()


# A claimed row is the worker's for the rest of its run plus this much (the SMTP cleanup after the
# deadline, a slow database); a row still `sending` after that lost its worker and is tried again.
LEASE_GRACE = timedelta(minutes=2)


def _claimable(now) -> Q:
    """Rows a worker may claim: not yet sent (pending, failed), or sending under a lease that has ended."""
    Status = EmailNotification.Status
    return Q(status__in=(Status.PENDING, Status.FAILED)) | Q(status=Status.SENDING, claimed_until__lt=now)


def _claim(pk, *, lease_seconds: float) -> EmailNotification | None:
    """Claims the row for this worker (one conditional UPDATE: of two workers, one wins) and returns it,
    or None if another worker has it, sent it, or it has no attempts left."""
    now = clock.real_now()
    claimed = EmailNotification.objects.filter(
        _claimable(now), pk=pk, attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
    ).update(
        status=EmailNotification.Status.SENDING,
        claimed_until=now + timedelta(seconds=lease_seconds) + LEASE_GRACE,
        attempts=F("attempts") + 1,
    )
    return EmailNotification.objects.filter(pk=pk).first() if claimed else None


def notifications_send(*, ids=None, seconds: float | None = None) -> tuple[int, int]:
    """The worker: sends the given notifications (or every unsent one with attempts left), oldest
    first, and records each outcome. Returns (sent, failed) within `seconds` (NOTIFICATION_SEND_SECONDS)
    whatever the mail server does: each connection times out after EMAIL_TIMEOUT (or what is left),
    and in the main thread (the command) the deadline interrupts a server that answers too slowly; the
    mails not reached wait, as they were, for the next run. Never raises. Each row is claimed before it
    is sent (state `sending`, leased for the rest of the run plus LEASE_GRACE), so two workers, on one
    app server or several, never send it twice; a row left `sending` by a worker that died is tried
    again once its lease has ended."""
    seconds = settings.NOTIFICATION_SEND_SECONDS if seconds is None else seconds
    ends = time.monotonic() + seconds
    unsent = EmailNotification.objects.filter(
        _claimable(clock.real_now()), attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
    )
    if ids is not None:
        unsent = unsent.filter(pk__in=ids)
    sent = failed = 0
    connection = None
    for pk in list(unsent.order_by("pk").values_list("pk", flat=True)):
        remaining = ends - time.monotonic()
        if remaining <= 0:
            break
        notification = _claim(pk, lease_seconds=remaining)
        if notification is None:
            continue
        try:
            with _deadline(remaining):
                connection = connection or get_connection(timeout=max(min(settings.EMAIL_TIMEOUT, remaining), 0.1))
                _deliver(notification, connection)
        except Exception as error:  # noqa: BLE001 - any failure of the mail server is recorded, never raised
            failed += 1
            _abandon(connection)
            connection = None
            log.warning("email %s to %s failed: %s", notification.pk, notification.recipient, error)
            EmailNotification.objects.filter(pk=notification.pk).update(
                status=EmailNotification.Status.FAILED,
                claimed_until=None,
                last_error=f"{type(error).__name__}: {error}"[:2000],
            )
        else:
            sent += 1
            EmailNotification.objects.filter(pk=notification.pk).update(
                status=EmailNotification.Status.SENT, sent_at=clock.now(), claimed_until=None, last_error=""
            )
    return sent, failed
