"""Email about tickets, through an outbox: a notification is a row written in the ticket's
transaction and sent after the transaction commits, so a slow or broken mail server never blocks or
undoes the action that caused it. A failed send is recorded on its row (attempts, last error) and
retried by `manage.py send_notifications`, which `make run` runs once a minute."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from cenconsole.core import clock

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
                subject=subject[:200],
                body_text=render_to_string("tickets/email/ticket_update.txt", context),
                body_html=render_to_string("tickets/email/ticket_update.html", context),
            )
        ids.append(notification.pk)
    if ids:
        transaction.on_commit(lambda: notifications_send(ids=ids), robust=True)
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
    link = settings.CONSOLE_URL + reverse("admin:tickets_deletionticket_change", args=[ticket.pk])
    return _queue(
        ticket=ticket,
        recipients=staff_recipients(),
        subject=subject,
        context={"message": message, "to_staff": True},
        link=link,
    )


def _deliver(notification: EmailNotification, connection) -> None:
    email = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        connection=connection,
    )
    email.attach_alternative(notification.body_html, "text/html")
    email.send()


def notifications_send(*, ids=None) -> tuple[int, int]:
    """Sends the given notifications (or every unsent one with attempts left) and records each
    outcome. Never raises: returns (sent, failed). Each row is claimed with a conditional UPDATE of
    its attempts, so two senders (the request and the periodic job) never send it twice at once."""
    unsent = EmailNotification.objects.exclude(status=EmailNotification.Status.SENT).filter(
        attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
    )
    if ids is not None:
        unsent = unsent.filter(pk__in=ids)
    sent = failed = 0
    connection = None
    for notification in unsent.order_by("pk"):
        claimed = EmailNotification.objects.filter(
            pk=notification.pk, attempts=notification.attempts, status=notification.status
        ).update(attempts=F("attempts") + 1)
        if not claimed:
            continue
        try:
            connection = connection or get_connection(timeout=settings.EMAIL_TIMEOUT)
            _deliver(notification, connection)
        except Exception as error:  # noqa: BLE001 - any failure of the mail server is recorded, never raised
            failed += 1
            connection = None
            log.warning("email %s to %s failed: %s", notification.pk, notification.recipient, error)
            EmailNotification.objects.filter(pk=notification.pk).update(
                status=EmailNotification.Status.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000]
            )
        else:
            sent += 1
            EmailNotification.objects.filter(pk=notification.pk).update(
                status=EmailNotification.Status.SENT, sent_at=clock.now(), last_error=""
            )
    return sent, failed
