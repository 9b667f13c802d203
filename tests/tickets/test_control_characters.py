"""Issue 27, item 6: ticket texts follow the names' rule. A reason, a reply, a staff note and a saved
reply refuse control characters (but line breaks and tabs) and bidi controls, on every path; emails,
and the console mail backend, never carry a raw control character, even from a row stored before."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cenconsole.core.validators import TEXT_BIDI_CONTROL, TEXT_CONTROL_CHARACTER, printable_text
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket, EmailNotification, SavedReply, TicketMessage
from tests.factories import open_ticket

pytestmark = pytest.mark.django_db

HOSTILE = "ok\x1b[2J\x1b[31mRED\x1b]0;TITLE\x07 \u202eRTL"
ESCAPE = "ok\x1b[2Jcleared"
BEL = "ring\x07"
DEL = "del\x7f"
C1 = "c1\x9b2J"
LONE_CR = "Approved\rRejected"
OVERRIDE = "bwp-\u202e123"
ISOLATE = "bwp-\u2066123\u2069"
CONTROLS = [HOSTILE, ESCAPE, BEL, DEL, C1, LONE_CR, "nul\x00"]
BIDIS = [OVERRIDE, ISOLATE]
MULTI_LINE = "First line\nsecond line\r\nthird\tcolumn"


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@pytest.mark.parametrize("text", CONTROLS)
def test_reason_with_a_control_character_is_refused(package, text):
    """A reason holding ESC, BEL, DEL, a C1 control, a lone CR or NUL is refused on its field; no ticket."""
    with pytest.raises(ValidationError) as error:
        services.ticket_open(requester=package.owner, package_id=package.pk, reason=text)
    assert error.value.message_dict == {"reason": [TEXT_CONTROL_CHARACTER]}
    assert not DeletionTicket.objects.exists()


@pytest.mark.parametrize("text", BIDIS)
def test_reason_with_a_bidi_control_is_refused(package, text):
    """A reason holding a right-to-left override or an isolate is refused on its field."""
    with pytest.raises(ValidationError) as error:
        services.ticket_open(requester=package.owner, package_id=package.pk, reason=text)
    assert error.value.message_dict == {"reason": [TEXT_BIDI_CONTROL]}


def test_multi_line_reason_keeps_its_line_breaks_and_tabs(package):
    """LF, CR LF and tab are what a text area sends: the reason is stored as typed."""
    ticket, _ = services.ticket_open(requester=package.owner, package_id=package.pk, reason=MULTI_LINE)
    assert ticket.reason == MULTI_LINE


@pytest.mark.parametrize("text", [HOSTILE, OVERRIDE])
def test_user_reply_with_control_characters_is_refused(package, text):
    """The requester's reply refuses control and bidi characters on its field; the thread is unchanged."""
    ticket = open_ticket(package)
    with pytest.raises(ValidationError) as error:
        services.ticket_user_reply(requester=package.owner, ticket_id=ticket.pk, text=text)
    assert set(error.value.message_dict) == {"text"}
    assert ticket.messages.count() == 1


STAFF_ACTIONS = {
    "reply": services.ticket_staff_reply,
    "ask": services.ticket_ask_information,
    "internal": services.ticket_internal_note,
    "approve": services.ticket_approve,
    "reject": services.ticket_reject,
}


@pytest.mark.parametrize("action", STAFF_ACTIONS)
@pytest.mark.parametrize(("text", "message"), [(HOSTILE, TEXT_CONTROL_CHARACTER), (OVERRIDE, TEXT_BIDI_CONTROL)])
def test_staff_texts_with_control_characters_are_refused(package, staff, action, text, message):
    """Every staff text (reply, question, internal note, approval and rejection notes) is refused."""
    ticket = open_ticket(package)
    with pytest.raises(ValidationError) as error:
        STAFF_ACTIONS[action](ticket_id=ticket.pk, staff=staff, note=text)
    assert messages_of(error.value) == [message]
    ticket.refresh_from_db()
    assert (ticket.status, ticket.messages.count()) == ("Pending", 1)


def test_staff_reply_keeps_line_breaks_and_tabs(package, staff):
    """A multi-line staff reply with tabs is sent as typed."""
    ticket = open_ticket(package)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note=MULTI_LINE)
    assert ticket.messages.last().text == MULTI_LINE


def test_request_deletion_page_shows_the_control_character_error(client_user, package):
    """Request Deletion with an ESC in the reason answers the form again with the error beside it."""
    url = reverse("tickets:request_deletion", args=[package.pk])
    response = client_user.post(url, {"reason": HOSTILE})
    assert response.status_code == 200
    assert "cannot contain control characters" in response.content.decode()
    assert not DeletionTicket.objects.exists()


def test_reply_page_shows_the_bidi_error(client_user, package):
    """Send Reply with a right-to-left override answers the page with the error; nothing is added."""
    ticket = open_ticket(package)
    response = client_user.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": OVERRIDE})
    assert "cannot contain bidirectional control characters" in response.content.decode()
    assert ticket.messages.count() == 1


@pytest.mark.parametrize("verb", ["reply", "ask_info", "note", "reject", "approve", "approve_refund"])
def test_desk_shows_the_control_character_error(staff_client, package, verb):
    """Every button of the ticket's page refuses an ESC in the note with the error on the page."""
    ticket = open_ticket(package)
    url = reverse("desk:ticket_action", args=[ticket.pk, verb])
    response = staff_client.post(url, {"note": HOSTILE, "confirmed": "1"}, follow=True)
    assert "cannot contain control characters" in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.messages.count()) == ("Pending", 1)


def test_desk_bulk_reject_refuses_a_control_character(staff_client, package):
    """Reject selected with an ESC in the note rejects nothing and shows the error."""
    ticket = open_ticket(package)
    response = staff_client.post(
        reverse("desk:selected"),
        {"action": "reject_selected", "_selected_action": [ticket.pk], "apply": "1", "note": HOSTILE},
    )
    assert "cannot contain control characters" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == "Pending"


def test_saved_reply_with_a_control_character_is_refused(admin_client):
    """A saved reply whose text holds ESC is not saved; its form shows the error."""
    response = admin_client.post(
        reverse("admin:tickets_savedreply_add"), {"name": "Hostile", "action": "reply", "text": HOSTILE}
    )
    assert "cannot contain control characters" in response.content.decode()
    assert not SavedReply.objects.filter(name="Hostile").exists()


def test_saved_reply_with_a_bidi_control_is_refused(db):
    """The model itself refuses a saved reply with a bidi control (full_clean, every form)."""
    with pytest.raises(ValidationError) as error:
        SavedReply(name="Spoof", text=OVERRIDE).full_clean()
    assert error.value.message_dict == {"text": [TEXT_BIDI_CONTROL]}


def test_printable_text_keeps_line_breaks_and_replaces_the_rest():
    """The e-mail's sanitiser keeps LF and tab, makes CR LF an LF, and replaces every other control."""
    assert printable_text(MULTI_LINE) == "First line\nsecond line\nthird\tcolumn"
    cleaned = printable_text(HOSTILE)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\u202e" not in cleaned
    assert cleaned.startswith("ok\ufffd[2J")


def stored_before_this_release(package, staff):
    """A ticket whose reason and a staff reply hold raw control characters, as rows stored before the
    services refused them (written past the services)."""
    ticket = open_ticket(package)
    DeletionTicket.objects.filter(pk=ticket.pk).update(reason=HOSTILE)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Placeholder")
    TicketMessage.objects.filter(ticket=ticket).update(text=HOSTILE)
    return ticket


def test_emails_from_old_rows_carry_no_control_character(package, staff):
    """An email composed from a row stored with ESC, BEL and an override holds none of them."""
    package.owner.email = "owner@example.com"
    package.owner.save(update_fields=["email"])
    ticket = stored_before_this_release(package, staff)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Which project?")
    TicketMessage.objects.filter(ticket=ticket).update(text=HOSTILE)
    EmailNotification.objects.all().delete()
    from cenconsole.tickets import notifications

    notifications.notify_user(ticket=ticket, event="reply", message=ticket.messages.last())
    email = EmailNotification.objects.get()
    for part in (email.subject, email.body_text, email.body_html):
        assert not any(character in part for character in "\x1b\x07\u202e")
    assert "RED" in email.body_text  # the text is still there, made harmless


def test_console_backend_writes_no_escape_to_the_terminal(package, staff, settings, capsys):
    """With EMAIL_URL=console://, an outbox row holding ESC (queued before this release) reaches the
    operator's terminal without ESC, BEL or a bidi control."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    package.owner.email = "owner@example.com"
    package.owner.save(update_fields=["email"])
    ticket = open_ticket(package)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Placeholder")
    EmailNotification.objects.update(subject=f"Ticket {HOSTILE}", body_text=HOSTILE, body_html=HOSTILE)
    capsys.readouterr()
    from cenconsole.tickets import notifications

    sent, failed = notifications.notifications_send()
    output = capsys.readouterr().out
    assert (sent, failed) == (EmailNotification.objects.count(), 0) and sent
    assert "RED" in output
    assert not any(character in output for character in "\x1b\x07\u202e")
