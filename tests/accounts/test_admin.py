"""The accounts admin: balance read-only, Adjust balance with a reason, and the read-only ledger."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from cenconsole.accounts import services
from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.audit.models import AuditRecord
from tests.factories import UserFactory, buy_package

pytestmark = pytest.mark.django_db

USERS = "admin:accounts_user_changelist"
ENTRIES = "admin:accounts_ledgerentry_changelist"


def adjust_url(account):
    return reverse("admin:accounts_user_adjust_balance", args=[account.pk])


def balance(account):
    return User.objects.get(pk=account.pk).balance


def test_balance_is_read_only_on_the_account_page(admin_client, user):
    """The account's page shows the balance but has no input for it."""
    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk])).text
    assert "10,000.00" in page or "10000.00" in page
    assert 'name="balance"' not in page


def test_saving_the_account_page_leaves_the_balance(admin_client, user):
    """A posted balance on the account's page is ignored."""
    url = reverse("admin:accounts_user_change", args=[user.pk])
    response = admin_client.post(
        url,
        {
            "username": user.username,
            "balance": "99999",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "first_name": "Renamed",
        },
    )
    assert response.status_code == 302 and User.objects.get(pk=user.pk).first_name == "Renamed"
    assert balance(user) == Decimal("10000.00")


def test_account_page_shows_its_latest_entries_and_links_to_all(admin_client, user, cen_instance):
    """The account's page lists its latest entries, links to them all and to Adjust balance."""
    buy_package(cen_instance)
    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk])).text
    assert "Opening credit" in page and "-1,600.00" in page
    assert f"{reverse(ENTRIES)}?account__id__exact={user.pk}" in page
    assert "All 2 ledger entries" in page
    assert adjust_url(user) in page


def test_adjust_balance_page_asks_for_amount_and_reason(admin_client, user):
    """Adjust balance shows the current balance and the two fields."""
    page = admin_client.get(adjust_url(user)).text
    assert "The balance is USD 10,000.00." in page
    assert 'name="amount"' in page and 'name="reason"' in page


def test_adjust_balance_changes_the_balance_through_the_ledger(admin_client, admin_user, user):
    """A valid adjustment redirects to the account with a message; the entry and the audit record are written."""
    response = admin_client.post(adjust_url(user), {"amount": "-250.50", "reason": "Refund reversed"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:accounts_user_change", args=[user.pk])
    assert f"The balance of {user.username} was adjusted by USD -250.50 to USD 9,749.50." in response.text
    entry = LedgerEntry.objects.get(kind="adjustment")
    assert (entry.amount, entry.description) == (Decimal("-250.50"), "Refund reversed")
    assert entry.created_by_id == admin_user.pk
    assert AuditRecord.objects.filter(action="balance.adjusted", target_id=str(user.pk)).exists()


def test_adjustment_below_zero_is_refused_with_the_message(admin_client, user):
    """An adjustment beyond the balance re-shows the form with the reason why; nothing changes."""
    response = admin_client.post(adjust_url(user), {"amount": "-20000", "reason": "Too much"})
    assert response.status_code == 200
    assert "would leave a balance below zero (the balance is USD 10,000.00)" in response.text
    assert balance(user) == Decimal("10000.00")


def test_adjustment_without_a_reason_is_refused_with_the_message(admin_client, user):
    """An empty reason re-shows the form asking for one; nothing changes."""
    response = admin_client.post(adjust_url(user), {"amount": "10", "reason": "  "})
    assert "Give a reason for the adjustment" in response.text
    assert balance(user) == Decimal("10000.00")


@pytest.mark.parametrize("amount", ["abc", "1e999", "0.001", "NaN", "Infinity", "12345678901234567"])
def test_any_amount_answers_the_form(admin_client, user, amount):
    """An amount that is not money re-shows the form with an error, never a server error."""
    response = admin_client.post(adjust_url(user), {"amount": amount, "reason": "x"})
    assert response.status_code == 200 and 'class="errorlist"' in response.text
    assert balance(user) == Decimal("10000.00")


def test_adjust_balance_of_an_unknown_account_is_404(admin_client):
    """An account id that does not exist answers 404."""
    assert admin_client.get(reverse("admin:accounts_user_adjust_balance", args=[999999])).status_code == 404


def test_staff_without_the_change_permission_get_403(client, user):
    """Staff who may not change accounts cannot open Adjust balance."""
    client.force_login(UserFactory(is_staff=True))
    assert client.get(adjust_url(user)).status_code == 403
    assert client.post(adjust_url(user), {"amount": "10", "reason": "x"}).status_code == 403


def test_action_opens_adjust_balance_for_the_selected_account(admin_client, user):
    """The Adjust balance action, on one selected account, opens its Adjust balance page."""
    response = admin_client.post(reverse(USERS), {"action": "adjust_balance", ACTION_CHECKBOX_NAME: [user.pk]})
    assert response.status_code == 302 and response.url == adjust_url(user)


def test_action_on_several_accounts_asks_for_one(admin_client, user, other_user):
    """Each adjustment has its own reason: the action on two accounts asks to select one."""
    response = admin_client.post(
        reverse(USERS), {"action": "adjust_balance", ACTION_CHECKBOX_NAME: [user.pk, other_user.pk]}, follow=True
    )
    assert "Select one account to adjust its balance." in response.text


def test_ledger_admin_lists_filters_and_searches(admin_client, user, other_user, admin_user):
    """The ledger list filters by kind and searches by username and by description."""
    services.balance_adjust(account=user, amount=Decimal("5"), reason="Conference voucher", staff=admin_user)
    by_kind = admin_client.get(reverse(ENTRIES), {"kind__exact": "adjustment"}).text
    assert "Conference voucher" in by_kind and 'class="field-kind">Opening credit<' not in by_kind
    by_name = admin_client.get(reverse(ENTRIES), {"q": other_user.username}).text
    assert other_user.username in by_name and "Conference voucher" not in by_name
    assert "Conference voucher" in admin_client.get(reverse(ENTRIES), {"q": "voucher"}).text


def test_ledger_admin_filters_by_account_from_the_account_page_link(admin_client, user, other_user):
    """The account page's link lists only that account's entries."""
    page = admin_client.get(reverse(ENTRIES), {"account__id__exact": user.pk})
    assert page.status_code == 200
    assert f">{user.username}<" in page.text and f">{other_user.username}<" not in page.text


def test_ledger_entries_cannot_be_added_changed_or_deleted(admin_client, user):
    """The ledger admin has no add, no save and no delete."""
    entry = LedgerEntry.objects.get(account=user)
    assert admin_client.get(reverse("admin:accounts_ledgerentry_add")).status_code == 403
    change = reverse("admin:accounts_ledgerentry_change", args=[entry.pk])
    assert 'name="_save"' not in admin_client.get(change).text
    admin_client.post(change, {"amount": "1", "description": "edited"})
    assert admin_client.post(reverse("admin:accounts_ledgerentry_delete", args=[entry.pk])).status_code == 403
    assert LedgerEntry.objects.get(pk=entry.pk).description == "Opening credit"


def test_staff_saving_an_account_writes_only_what_the_form_changed(rf, db):
    """Saving an account in the admin writes only the fields its form changed: a balance (or session
    state) changed by another request after the page read the row is not written back."""
    from types import SimpleNamespace

    from django.contrib.admin.sites import site

    from tests.factories import balance_set

    account = UserFactory()
    stale = User.objects.get(pk=account.pk)  # what the admin page read
    balance_set(account, "123.00")  # a payment meanwhile
    stale.first_name = "Ada"
    site._registry[User].save_model(rf.post("/"), stale, SimpleNamespace(changed_data=["first_name"]), True)
    account.refresh_from_db()
    assert (account.first_name, str(account.balance)) == ("Ada", "123.00")
