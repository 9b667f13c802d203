from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.selectors import packages_for_cen
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket

pytestmark = pytest.mark.django_db


def test_opening_a_ticket_makes_it_pending(package):
    """A new ticket is Pending and names the package, the requester and the reason."""
    ticket, created = services.ticket_open(requester=package.owner, package_id=package.pk, reason="Moving away")
    assert created
    assert (ticket.status, ticket.package, ticket.requester, ticket.reason) == (
        "Pending",
        package,
        package.owner,
        "Moving away",
    )


def test_reason_is_required(package):
    """A blank reason is refused with the reason message; no ticket is made."""
    with pytest.raises(ValidationError) as error:
        services.ticket_open(requester=package.owner, package_id=package.pk, reason="   ")
    assert error.value.message_dict == {"reason": [services.REASON_REQUIRED]}
    assert not DeletionTicket.objects.exists()


def test_second_request_returns_the_open_ticket(package):
    """Requesting deletion again while a ticket is open gives that ticket, not a new one."""
    first = open_ticket(package)
    again, created = services.ticket_open(requester=package.owner, package_id=package.pk, reason="Again")
    assert (again, created) == (first, False)
    assert DeletionTicket.objects.count() == 1


def test_another_accounts_package_is_refused(package):
    """Nobody can request deletion of another account's package."""
    with pytest.raises(ValidationError) as error:
        services.ticket_open(requester=UserFactory(), package_id=package.pk, reason="Mine now")
    assert error.value.message_dict == {"package": [services.UNKNOWN_PACKAGE]}


def test_approve_releases_the_package_and_keeps_its_row(package, staff):
    """Approval marks the package Released, unbound, with who, when and the ticket; the row stays."""
    ticket = open_ticket(package)
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, note="OK")
    package = BandwidthPackage.objects.get(pk=package.pk)
    ticket.refresh_from_db()
    assert package.status == "Released"
    assert package.cen_instance is None
    assert package.released_by == staff and package.released_at is not None
    assert ticket.number in package.release_reason
    assert (ticket.status, ticket.handled_by, ticket.staff_note) == ("Approved", staff, "OK")


def test_approved_package_leaves_the_cen_tab_and_frees_its_area_pair(package, staff):
    """After approval the package is gone from its CEN's tab and the pair can be bought again."""
    cen_instance = package.cen_instance
    services.ticket_approve(ticket_id=open_ticket(package).pk, staff=staff)
    assert not packages_for_cen(owner=package.owner, cen_instance=cen_instance).exists()
    assert buy_package(cen_instance).cen_instance == cen_instance


def test_reject_leaves_the_package_untouched(package, staff):
    """Rejection records the note and changes nothing on the package."""
    before = BandwidthPackage.objects.values().get(pk=package.pk)
    ticket = services.ticket_reject(ticket_id=open_ticket(package).pk, staff=staff, note="Still in contract")
    assert (ticket.status, ticket.staff_note) == ("Rejected", "Still in contract")
    assert BandwidthPackage.objects.values().get(pk=package.pk) == before


@pytest.mark.parametrize(("first", "second"), [("approve", "reject"), ("reject", "approve"), ("approve", "approve")])
def test_handled_ticket_cannot_be_handled_again(package, staff, first, second):
    """Approved and Rejected are final: a second handling is refused and changes nothing."""
    ticket = open_ticket(package)
    getattr(services, f"ticket_{first}")(ticket_id=ticket.pk, staff=staff, note="Decided")
    with pytest.raises(ValidationError, match="already"):
        getattr(services, f"ticket_{second}")(ticket_id=ticket.pk, staff=staff, note="Again")
    assert DeletionTicket.objects.get(pk=ticket.pk).status == ("Approved" if first == "approve" else "Rejected")


def test_user_without_the_permission_cannot_handle_tickets(package):
    """Only holders of tickets.handle_deletionticket approve or reject."""
    ticket = open_ticket(package)
    with pytest.raises(PermissionDenied):
        services.ticket_approve(ticket_id=ticket.pk, staff=UserFactory(is_staff=True))
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Pending"


def test_rejected_ticket_lets_the_user_ask_again(package, staff):
    """After a rejection a new request opens a new ticket."""
    services.ticket_reject(ticket_id=open_ticket(package).pk, staff=staff, note="Contract")
    _, created = services.ticket_open(requester=package.owner, package_id=package.pk, reason="Please")
    assert created


def test_every_ticket_and_package_change_is_audited(package, staff):
    """Opening, approving and the release each leave an audit record with old and new status."""
    ticket = open_ticket(package)
    services.ticket_approve(ticket_id=ticket.pk, staff=staff)
    ticket_changes = list(AuditRecord.objects.for_target(ticket).values_list("action", "changes"))
    assert ticket_changes == [
        ("ticket.opened", {"status": [None, "Pending"]}),
        ("ticket.approved", {"status": ["Pending", "Approved"], "assigned_to": [None, staff.username]}),
    ]
    release = AuditRecord.objects.for_target(package).get(action="package.released")
    assert release.changes["status"] == ["InUse", "Released"]
    assert release.actor == staff


def test_released_package_cannot_get_a_new_ticket(package, staff):
    """A released package is gone for its owner: no further ticket."""
    services.ticket_approve(ticket_id=open_ticket(package).pk, staff=staff)
    with pytest.raises(ValidationError):
        services.ticket_open(requester=package.owner, package_id=package.pk, reason="Again")


def test_tickets_of_two_packages_are_independent(user, staff):
    """Approving one package's ticket leaves another package alone."""
    first = buy_package(CenInstanceFactory(owner=user))
    second = buy_package(CenInstanceFactory(owner=user))
    services.ticket_approve(ticket_id=open_ticket(first).pk, staff=staff)
    assert BandwidthPackage.objects.get(pk=second.pk).status == "InUse"


def balance_of(account):
    return type(account).objects.values_list("balance", flat=True).get(pk=account.pk)


def test_release_without_refund_refunds_nothing_on_a_refundable_package(package, staff):
    """Release without refund on a package that could be refunded: no Refund order, the balance stays."""
    ticket = open_ticket(package)
    assert services.approval_refund(ticket) > 0  # there is unused value to refund, and it is kept
    before = balance_of(package.owner)
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=False)
    ticket.refresh_from_db()
    assert ticket.refund_order is None
    assert not Order.objects.filter(package=package, order_type="Refund").exists()
    assert balance_of(package.owner) == before


def test_release_and_refund_returns_the_unused_value(package, staff):
    """Release and refund unused time, just after buying, returns the paid price less at most a cent."""
    paid = Order.objects.get(package=package, order_type="Buy").amount
    ticket = open_ticket(package)
    before = balance_of(package.owner)
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    ticket.refresh_from_db()
    refunded = ticket.refund_order.amount
    assert paid - Decimal("0.01") <= refunded <= paid and paid > 0
    assert balance_of(package.owner) == before + refunded


def test_another_account_cannot_withdraw_a_ticket_through_the_service(package, other_user):
    """ticket_withdraw refuses anyone but the requester itself (not only the view); the ticket stays."""
    ticket = open_ticket(package)
    with pytest.raises(ValidationError) as error:
        services.ticket_withdraw(requester=other_user, ticket_id=ticket.pk)
    assert error.value.messages == [services.NOT_REQUESTER]
    ticket.refresh_from_db()
    assert ticket.status == "Pending"


def test_another_account_cannot_reply_on_a_ticket_through_the_service(package, other_user):
    """ticket_user_reply refuses anyone but the requester itself; nothing joins the thread."""
    ticket = open_ticket(package)
    with pytest.raises(ValidationError) as error:
        services.ticket_user_reply(requester=other_user, ticket_id=ticket.pk, text="Not mine")
    assert error.value.messages == [services.NOT_REQUESTER]
    assert list(ticket.messages.values_list("text", flat=True)) == ["No longer needed"]
