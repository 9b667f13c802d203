from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cenconsole.core import clock

from . import selectors, services
from .forms import StaffNoteForm
from .models import DeletionTicket, EmailNotification

HANDLERS = {
    "assign": (services.ticket_assign, _("Ticket {number} is assigned to you.")),
    "reply": (services.ticket_staff_reply, _("Your reply on ticket {number} was sent.")),
    "ask_info": (services.ticket_ask_information, _("Ticket {number} is awaiting the user's reply.")),
    "approve": (services.ticket_approve, _("Ticket {number} approved.")),
    "approve_refund": (
        partial(services.ticket_approve, refund=True),
        _("Ticket {number} approved. The package's unused time was refunded."),
    ),
    "reject": (services.ticket_reject, _("Ticket {number} rejected.")),
}
# Each verb's action: its name in the changelist's menu and the title of the page asking for the note.
ACTION_TITLES = {"approve": _("Approve selected tickets"), "reject": _("Reject selected tickets")}


def sla_limit():
    """Tickets waiting for a staff answer since before this are overdue."""
    return clock.now() - timedelta(hours=settings.TICKET_SLA_HOURS)


class QueueFilter(admin.SimpleListFilter):
    """The staff's queue: what is nobody's yet, what is mine, what waits for the user, what is done."""

    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("open", _("Open")),
            ("unassigned", _("Unassigned")),
            ("mine", _("Assigned to me")),
            ("awaiting_user", _("Awaiting user")),
            ("overdue", _("Overdue")),
            ("handled", _("Handled")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "open":
            return queryset.open()
        if value == "unassigned":
            return queryset.open().filter(assigned_to__isnull=True)
        if value == "mine":
            return queryset.open().filter(assigned_to=request.user)
        if value == "awaiting_user":
            return queryset.filter(status=DeletionTicket.Status.AWAITING_USER)
        if value == "overdue":
            return queryset.overdue(since=sla_limit())
        if value == "handled":
            return queryset.exclude(status__in=DeletionTicket.OPEN_STATUSES)
        return queryset


class TicketNumberSearch:
    """Search by ticket number: TK000042 or 42 finds ticket 42, beside the other search fields."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().upper().removeprefix("TK")
        if term.isdigit():
            results = results | queryset.filter(pk=int(term))
        return results, may_have_duplicates


@admin.register(DeletionTicket)
class DeletionTicketAdmin(TicketNumberSearch, admin.ModelAdmin):
    list_display = [
        "number", "package", "package_name", "requester", "status", "assigned_to", "waiting", "created_at",
        "handled_at",
    ]
    list_filter = [QueueFilter, "status"]
    search_fields = ["package__id", "package__name", "requester__username", "requester__email"]
    list_select_related = ["package", "requester", "assigned_to"]
    fields = [
        "number", "status", "assigned_to", "requester", "requester_email", "package", "package_details", "reason",
        "created_at", "waiting", "handled_at", "handled_by", "refund_order", "conversation", "emails", "history",
    ]
    readonly_fields = fields
    actions = ["assign_selected", "approve_selected", "reject_selected"]
    change_form_template = "admin/tickets/deletionticket/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # tickets change only through Approve and Reject

    def has_delete_permission(self, request, obj=None):
        return False  # a ticket is history

    def has_handle_permission(self, request, obj=None):
        return request.user.has_perm(services.HANDLE_PERMISSION)

    @admin.display(description=_("ticket ID"), ordering="pk")
    def number(self, ticket):
        return ticket.number

    @admin.display(description=_("package name"), ordering="package__name")
    def package_name(self, ticket):
        return ticket.package.name or "-"

    @admin.display(description=_("bandwidth package details"))
    def package_details(self, ticket):
        return render_to_string("bandwidth/package_summary.html", {"package": ticket.package})

    @admin.display(description=_("requester's email"))
    def requester_email(self, ticket):
        return ticket.requester.email or "-"

    @admin.display(description=_("waiting for staff"), ordering="awaiting_staff_since")
    def waiting(self, ticket):
        """How long the user has waited for a staff answer, flagged past TICKET_SLA_HOURS."""
        if not ticket.is_open or ticket.awaiting_staff_since is None:
            return "-"
        hours = int((clock.now() - ticket.awaiting_staff_since).total_seconds() // 3600)
        age = ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours}
        if ticket.awaiting_staff_since < sla_limit():
            return format_html(
                '<strong class="sla-overdue" title="{}">{} ⚠ {}</strong>',
                _("Waiting longer than the %(hours)s-hour target") % {"hours": settings.TICKET_SLA_HOURS},
                age,
                _("overdue"),
            )
        return age

    @admin.display(description=_("conversation"))
    def conversation(self, ticket):
        thread = selectors.ticket_thread(ticket)
        return render_to_string("tickets/thread.html", {"thread": thread, "staff_view": True})

    @admin.display(description=_("emails sent"))
    def emails(self, ticket):
        return render_to_string("admin/tickets/deletionticket/emails.html", {"emails": ticket.notifications.all()})

    @admin.display(description=_("history"))
    def history(self, ticket):
        return render_to_string("tickets/history.html", {"history": selectors.ticket_history(ticket)})

    def get_urls(self):
        verbs = "|".join(HANDLERS)
        handle = re_path(
            rf"^(?P<ticket_id>\d+)/(?P<verb>{verbs})/$",
            self.admin_site.admin_view(self.handle_view),
            name="tickets_handle",
        )
        return [handle, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "note_form": StaffNoteForm()}
        extra_context["can_handle"] = self.has_handle_permission(request)
        ticket = DeletionTicket.objects.select_related("package").filter(pk=object_id).first()
        if ticket is not None:
            extra_context["assigned_to_me"] = ticket.assigned_to_id == request.user.pk
            # What Release and refund unused time would return, shown before staff confirm.
            extra_context["refund_amount"] = services.approval_refund(ticket)
            extra_context["package_cross_border"] = ticket.package.is_cross_border
        return super().change_view(request, object_id, form_url, extra_context)

    def _handle(self, request, ticket, verb, note):
        handler, done = HANDLERS[verb]
        try:
            handler(ticket_id=ticket.pk, staff=request.user, note=note)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return False
        self.message_user(request, str(done).format(number=ticket.number), messages.SUCCESS)
        return True

    def handle_view(self, request, ticket_id, verb):
        """The Approve and Reject buttons on a ticket's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_handle_permission(request):
            raise PermissionDenied
        ticket = get_object_or_404(DeletionTicket, pk=ticket_id)
        form = StaffNoteForm(request.POST)
        if form.is_valid():
            self._handle(request, ticket, verb, form.cleaned_data["note"])
        else:
            self.message_user(request, " ".join(form.errors["note"]), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:tickets_deletionticket_change", args=[ticket.pk]))

    def _handle_selected(self, request, queryset, verb):
        """Approve/Reject selected tickets: a page asking for the optional note, then each ticket."""
        form = StaffNoteForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            for ticket in queryset:
                self._handle(request, ticket, verb, form.cleaned_data["note"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": ACTION_TITLES[verb],
            "tickets": queryset.select_related("package", "requester"),
            "form": form,
            "action": f"{verb}_selected",
            "verb": verb.capitalize(),
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/tickets/deletionticket/handle_selected.html", context)

    @admin.action(description=_("Assign to me"), permissions=["handle"])
    def assign_selected(self, request, queryset):
        for ticket in queryset:
            self._handle(request, ticket, "assign", "")

    @admin.action(description=ACTION_TITLES["approve"], permissions=["handle"])
    def approve_selected(self, request, queryset):
        return self._handle_selected(request, queryset, "approve")

    @admin.action(description=ACTION_TITLES["reject"], permissions=["handle"])
    def reject_selected(self, request, queryset):
        return self._handle_selected(request, queryset, "reject")


@admin.register(EmailNotification)
class EmailNotificationAdmin(admin.ModelAdmin):
    """What was sent about tickets, and what failed (send_notifications retries it)."""

    list_display = ["created_at", "ticket", "recipient", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["recipient", "subject", "ticket__id"]
    list_select_related = ["ticket"]
    readonly_fields = [
        "ticket", "recipient", "subject", "status", "attempts", "last_error", "created_at", "sent_at", "body_text",
    ]
    fields = readonly_fields

    def has_module_permission(self, request):
        return request.user.has_perm(services.HANDLE_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(services.HANDLE_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
