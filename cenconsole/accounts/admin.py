from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cenconsole.core.admin import ReadOnlyAdmin
from cenconsole.core.forms import add_service_errors

from . import selectors, services
from .forms import BalanceAdjustmentForm
from .models import LedgerEntry, SignInFailure, User

# How many of an account's latest entries its admin page shows; the rest are one link away.
LATEST_ENTRIES = 10


@admin.register(User)
class ConsoleUserAdmin(UserAdmin):
    list_display = ["username", "balance", "is_staff", "is_sandbox", "date_joined"]
    list_filter = [*UserAdmin.list_filter, "is_sandbox"]
    # The balance changes only through the ledger: Pay, refunds, and Adjust balance below. The demo's
    # fields are shown, never edited: only cenconsole.demo's services set them.
    readonly_fields = ["balance", "ledger", "is_demo", "is_sandbox", "sandbox_expires_at", "clock_offset"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Billing"), {"fields": ["balance", "ledger"]}),
        (_("Demo"), {"fields": ["is_demo", "is_sandbox", "sandbox_expires_at", "clock_offset"]}),
    ]
    actions = ["adjust_balance"]

    def save_model(self, request, obj, form, change):
        """Writes only the fields the form changed: the row also holds the balance, the session
        generation and signed-out sessions, which other requests change meanwhile (a whole-row save
        would write back the values this page read)."""
        if not change:
            return super().save_model(request, obj, form, change)
        concrete = {field.name for field in obj._meta.concrete_fields}
        changed = [name for name in form.changed_data if name in concrete and name != "balance"]
        if changed:
            obj.save(update_fields=changed)
        return None

    @admin.display(description=_("ledger"))
    def ledger(self, account):
        if not account.pk:
            return "-"
        entries = selectors.ledger_entries_for(account=account)
        context = {
            "account": account,
            "entries": entries.select_related("created_by")[:LATEST_ENTRIES],
            "count": entries.count(),
            "entries_url": reverse("admin:accounts_ledgerentry_changelist") + f"?account__id__exact={account.pk}",
            "adjust_url": reverse("admin:accounts_user_adjust_balance", args=[account.pk]),
        }
        return render_to_string("admin/accounts/user/ledger.html", context)

    def get_urls(self):
        adjust = path(
            "<int:account_id>/adjust-balance/",
            self.admin_site.admin_view(self.adjust_balance_view),
            name="accounts_user_adjust_balance",
        )
        return [adjust, *super().get_urls()]

    def adjust_balance_view(self, request, account_id):
        """Adjust balance: an amount and a required reason, written as a ledger entry and an audit record."""
        account = get_object_or_404(User, pk=account_id)
        if not self.has_change_permission(request, account):
            raise PermissionDenied
        form = BalanceAdjustmentForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                entry = services.balance_adjust(account=account, staff=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                message = gettext("The balance of %(username)s was adjusted by USD %(amount)s to USD %(balance)s.")
                amount, balance = f"{entry.amount:+,.2f}", f"{entry.balance_after:,.2f}"
                self.message_user(
                    request, message % {"username": account.username, "amount": amount, "balance": balance}
                )
                return HttpResponseRedirect(reverse("admin:accounts_user_change", args=[account.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Adjust balance of %(username)s") % {"username": account.username},
            "account": account,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/accounts/user/adjust_balance.html", context)

    @admin.action(description=_("Adjust balance"), permissions=["change"])
    def adjust_balance(self, request, queryset):
        """Opens Adjust balance for the one selected account (each adjustment has its own reason)."""
        if queryset.count() != 1:
            self.message_user(request, gettext("Select one account to adjust its balance."), messages.ERROR)
            return None
        return HttpResponseRedirect(reverse("admin:accounts_user_adjust_balance", args=[queryset.get().pk]))


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """The ledger, read-only: entries are written only with the balance change they record."""

    list_display = ["created_at", "account", "kind", "amount", "balance_after", "description", "order_id", "created_by"]
    list_filter = ["kind"]
    search_fields = ["account__username", "description"]
    list_select_related = ["account", "created_by"]
    readonly_fields = [
        "created_at",
        "account",
        "kind",
        "amount",
        "balance_after",
        "description",
        "order_id",
        "created_by",
    ]
    fields = readonly_fields


@admin.register(SignInFailure)
class SignInFailureAdmin(admin.ModelAdmin):
    list_display = ["created_at", "username", "ip_address"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ["created_at", "username", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
