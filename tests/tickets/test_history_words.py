"""History in words (issue 19): the ticket's pages, the user's and the staff's, and the audit trail
show what happened in words in both languages, never a stored code such as ticket.processing or
assigned_to."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from cenconsole.audit.models import ACTION_LABELS, FIELD_LABELS, AuditRecord
from cenconsole.bandwidth.models import Order
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import RouteTableLink
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db

SOURCE = Path(__file__).resolve().parents[2] / "cenconsole"
# A stored code on a page: an action (ticket.processing), a field (assigned_to) or a status code.
RAW_CODE = re.compile(
    r"\b(?:ticket|package|tags|cen|network|balance|access_key|sandbox|demo)\.[a-z_]+\b"
    r"|\b[a-z]+_[a-z_]+\b(?=:)|AwaitingUser|\bInUse\b|FinancialLocked|\bIdle\b"
)
LANGUAGES = ["en", "zh-hans"]


def recorded_actions() -> set[str]:
    """Every action code the code can record: the literals, and those built from ticket statuses and
    order types."""
    codes = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" not in path.parts:
            codes |= set(re.findall(r'action=(?:action or )?"([a-z_]+\.[a-z_]+)"', path.read_text()))
    codes |= {f"ticket.{status.lower()}" for status in DeletionTicket.ALLOWED_TRANSITIONS if status != "Pending"}
    codes |= {"ticket.reply", "ticket.assigned"}
    codes |= {f"package.{kind.lower()}d" for kind in (Order.Type.UPGRADE, Order.Type.DOWNGRADE)}
    codes |= {f"transit_router.{kind}_{verb}" for kind in RouteTableLink.Kind.values for verb in ("added", "removed")}
    codes |= {
        f"transit_router.{kind.lower()}_{verb}"
        for kind in transit_services.KINDS
        for verb in ("attached", "attachment_modified", "detached")
    }
    return codes


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_every_action_the_code_records_has_words():
    """Each audit action the code can record has a label, and it is translated into Chinese."""
    codes = recorded_actions()
    assert {"ticket.processing", "ticket.awaitinguser", "ticket.withdrawn", "package.released"} <= codes
    assert codes - ACTION_LABELS.keys() == set()
    with translation.override("zh-hans"):
        untranslated = {code for code in codes if translation.gettext(ACTION_LABELS[code]) == ACTION_LABELS[code]}
    assert untranslated == set()


@pytest.fixture
def worked_tickets(user, staff):
    """Tickets through every change staff and users make: taken, asked, answered, replied, noted,
    approved with a refund; one withdrawn; one rejected."""
    package = buy_package(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China")
    ticket = open_ticket(package)
    services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Which project?")
    services.ticket_user_reply(requester=user, ticket_id=ticket.pk, text="The shop")
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Thanks")
    services.ticket_internal_note(ticket_id=ticket.pk, staff=staff, note="Checked")
    services.ticket_assign(ticket_id=ticket.pk, staff=support_staff("colleague"))
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True, note="Done")
    withdrawn = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    services.ticket_withdraw(requester=user, ticket_id=withdrawn.pk)
    rejected = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    services.ticket_reject(ticket_id=rejected.pk, staff=staff, note="No")
    return [ticket, withdrawn, rejected]


def test_every_ticket_audit_record_reads_in_words(worked_tickets):
    """Each ticket's audit record has a label and its changes name fields in words, in both languages."""
    records = AuditRecord.objects.filter(target_type="DeletionTicket")
    assert {record.action for record in records} >= {
        "ticket.opened",
        "ticket.assigned",
        "ticket.processing",
        "ticket.awaitinguser",
        "ticket.reply",
        "ticket.internal_note",
        "ticket.approved",
        "ticket.withdrawn",
        "ticket.rejected",
    }
    for language in LANGUAGES:
        with translation.override(language):
            for record in records:
                words = " ".join([record.action_label, *record.change_lines()])
                assert not RAW_CODE.search(words), (language, record.action, words)


@pytest.mark.parametrize("language", LANGUAGES)
def test_users_ticket_pages_show_no_raw_code(client_user, worked_tickets, language):
    """The user's ticket pages and Tickets list show no stored code, in English and in Chinese."""
    client_user.cookies["django_language"] = language
    urls = [reverse("tickets:ticket_list")] + [reverse("tickets:ticket_detail", args=[t.pk]) for t in worked_tickets]
    for url in urls:
        text = visible_text(client_user.get(url).content.decode())
        assert not RAW_CODE.search(text), (url, RAW_CODE.search(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_ticket_and_audit_pages_show_no_raw_code(client, staff, admin_user, worked_tickets, language):
    """The staff's queue and ticket pages, and the audit records (a superuser's), show no stored code,
    in English and in Chinese."""
    client.cookies["django_language"] = language
    urls = [(staff, reverse("desk:queue") + "?queue=all")]
    urls += [(staff, reverse("desk:ticket", args=[t.pk])) for t in worked_tickets]
    urls.append((admin_user, reverse("admin:audit_auditrecord_changelist")))
    urls += [
        (admin_user, reverse("admin:audit_auditrecord_change", args=[record.pk]))
        for record in AuditRecord.objects.filter(target_type="DeletionTicket")
    ]
    for reader, url in urls:
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert not RAW_CODE.search(text), (url, RAW_CODE.search(text))


def test_every_changed_field_has_words():
    """Every field the ticket and package services record as changed has a label."""
    assert {"status", "assigned_to", "cen_instance", "refund", "expires_at", "business_status"} <= FIELD_LABELS.keys()
