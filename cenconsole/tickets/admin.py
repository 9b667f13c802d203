from decimal import Decimal
from functools import partial

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock

from . import selectors, services
from .forms import StaffNoteForm
from .models import DeletionTicket, EmailNotification, SavedReply, staff_status_label

HANDLERS = {
    "assign": (services.ticket_assign, _("Ticket {number} is assigned to you.")),
    "reply": (services.ticket_staff_reply, _("Your reply on ticket {number} was sent.")),
    "ask_info": (services.ticket_ask_information, _("Ticket {number} is awaiting the user's reply.")),
    "note": (services.ticket_internal_note, _("Internal note added to ticket {number}. The user does not see it.")),
    "approve": (services.ticket_approve, _("Ticket {number} approved.")),
    "approve_refund": (
        partial(services.ticket_approve, refund=True),
        _("Ticket {number} approved. The package's unused time was refunded."),
    ),
    "reject": (services.ticket_reject, _("Ticket {number} rejected.")),
}
# The outcomes: each opens a confirmation page stating what will happen before it is done.
OUTCOMES = {
    "approve_refund": _("Release and refund unused time"),
    "approve": _("Release without refund"),
    "reject": _("Reject"),
}
# Each verb's action: its name in the changelist's menu and the title of the page asking for the note.
ACTION_TITLES = {"approve": _("Approve selected tickets"), "reject": _("Reject selected tickets")}
# The saved reply's status change, as the ticket page's button that does it. A Release reply suggests
# Release and refund unused time where a refund is due, else Release without refund (_suggested_verb).
SAVED_REPLY_VERBS = {"reply": "reply", "ask_info": "ask_info", "release": "approve_refund", "reject": "reject"}


def _suggested_verb(saved_reply, *, refundable: bool):
    verb = SAVED_REPLY_VERBS.get(saved_reply.action) if saved_reply else None
    return "approve" if verb == "approve_refund" and not refundable else verb


sla_limit = selectors.sla_limit


class QueueFilter(admin.SimpleListFilter):
    """The staff's queue. It opens on the open tickets that are nobody's yet or mine; the others are a
    filter away. Each filter says how many tickets it holds."""

    title = _("queue")
    parameter_name = "queue"
    LOOKUPS = [
        (selectors.QUEUE_DEFAULT, _("Unassigned and mine")),
        ("unassigned", _("Unassigned")),
        ("mine", _("Assigned to me")),
        ("open", _("Open")),
        ("awaiting_user", _("Awaiting user")),
        ("overdue", _("Overdue")),
        ("handled", pgettext_lazy("ticket queue filter", "Handled")),
        ("all", _("All")),
    ]

    def __init__(self, request, params, model, model_admin):
        # Choosing a status (or searching) looks through every ticket unless a queue is chosen too:
        # "Approved" within the open tickets would always be empty.
        self.default = "all" if ("status__exact" in params or request.GET.get("q")) else selectors.QUEUE_DEFAULT
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        counts = selectors.queue_filter_counts(staff=request.user)
        return [(value, f"{label} ({counts[value]})") for value, label in self.LOOKUPS]

    def value(self):
        return super().value() or self.default

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}, ["status__exact"]),
                "display": title,
            }

    def queryset(self, request, queryset):
        return selectors.queue_filter(queryset, name=self.value(), staff=request.user)


class StaffStatusFilter(admin.SimpleListFilter):
    """By status, in staff words."""

    title = _("status")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [(status.value, staff_status_label(status.value)) for status in DeletionTicket.Status]

    def queryset(self, request, queryset):
        if self.value() in DeletionTicket.Status.values:
            return queryset.filter(status=self.value())
        return queryset


class TicketNumberSearch:
    """Search by ticket number: TK000042 or 42 finds ticket 42, beside the other search fields."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().upper().removeprefix("TK")
        if term.isdigit():
            results = results | queryset.filter(pk=int(term))
        return results, may_have_duplicates


def waiting_cell(ticket):
    """How long the user has waited for a staff answer, flagged past TICKET_SLA_HOURS; never negative."""
    if not ticket.is_open or ticket.awaiting_staff_since is None:
        return "-"
    # The SLA runs on real time (awaiting_staff_since is real time, whatever the requester's clock).
    hours = max(0, int((clock.real_now() - ticket.awaiting_staff_since).total_seconds() // 3600))
    age = ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours}
    if ticket.awaiting_staff_since < sla_limit():
        return format_html(
            '<strong class="sla-overdue" title="{}">{} ⚠ {}</strong>',
            _("Waiting longer than the %(hours)s-hour target") % {"hours": settings.TICKET_SLA_HOURS},
            age,
            _("overdue"),
        )
    return age


@admin.register(DeletionTicket)
class DeletionTicketAdmin(TicketNumberSearch, admin.ModelAdmin):
    list_display = [
        "number",
        "package_cell",
        "reason_line",
        "requester_cell",
        "staff_status",
        "waiting",
        "assigned_to",
        "refund_cell",
    ]
    list_display_links = ["number"]
    list_filter = [QueueFilter, StaffStatusFilter]
    search_fields = ["package__id", "package__name", "requester__username", "requester__email"]
    list_select_related = ["package", "package__area_a", "package__area_b", "requester", "assigned_to", "refund_order"]
    ordering = selectors.QUEUE_ORDERING
    show_facets = admin.ShowFacets.NEVER  # the queue's filters carry their own counts
    actions = ["assign_selected", "approve_selected", "reject_selected"]
    change_list_template = "admin/tickets/deletionticket/change_list.html"

    def get_queryset(self, request):
        # A workshop's practice tickets are the trainees' exercise, not the desk's work.
        return super().get_queryset(request).filter(practice=False)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # tickets change only through the ticket page's actions

    def has_delete_permission(self, request, obj=None):
        return False  # a ticket is history

    def has_handle_permission(self, request, obj=None):
        return request.user.has_perm(services.HANDLE_PERMISSION)

    @admin.display(description=_("ticket ID"), ordering="pk")
    def number(self, ticket):
        return ticket.number

    @admin.display(description=_("bandwidth package"), ordering="package__name")
    def package_cell(self, ticket):
        return format_html(
            '<span class="resource-id">{}</span><div class="quiet">{}</div>',
            ticket.package_id,
            ticket.package.name or "-",
        )

    @admin.display(description=_("reason"))
    def reason_line(self, ticket):
        first_line = ticket.reason.strip().splitlines()[0] if ticket.reason.strip() else ""
        return format_html(
            '<span class="reason-line" title="{}">{}</span>', ticket.reason, Truncator(first_line).chars(60)
        )

    @admin.display(description=_("requester"), ordering="requester__username")
    def requester_cell(self, ticket):
        return format_html('{}<div class="quiet">{}</div>', ticket.requester.username, ticket.requester.email or "-")

    @admin.display(description=_("status"), ordering="status")
    def staff_status(self, ticket):
        return ticket.staff_status_display

    @admin.display(description=_("waiting for staff"), ordering="awaiting_staff_since")
    def waiting(self, ticket):
        return waiting_cell(ticket)

    @admin.display(description=_("refund on release"))
    def refund_cell(self, ticket):
        """What Release and refund unused time would return now (open tickets), or what it returned."""
        if ticket.refund_order_id:
            return format_html("USD {}", floatformat(ticket.refund_order.amount, "2g"))
        if not ticket.is_open:
            return "-"
        if ticket.package.is_cross_border:
            return _("non-refundable")
        return format_html("USD {}", floatformat(services.approval_refund(ticket), "2g"))

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Deletion ticket queue"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        verbs = "|".join([*HANDLERS, "insert"])
        handle = re_path(
            rf"^(?P<ticket_id>\d+)/(?P<verb>{verbs})/$",
            self.admin_site.admin_view(self.handle_view),
            name="tickets_handle",
        )
        return [handle, *super().get_urls()]

    def _page_context(self, request, ticket, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(ticket),
            "subtitle": None,
            "original": ticket,
            "ticket": ticket,
            **extra,
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The ticket's page: the actions at the top, the one thread, the requester's context beside it."""
        ticket = (
            DeletionTicket.objects.desk()
            .select_related(
                "package",
                "package__area_a",
                "package__area_b",
                "requester",
                "assigned_to",
                "handled_by",
                "refund_order",
            )
            .filter(pk=object_id if str(object_id).isdigit() else None)
            .first()
        )
        if ticket is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_view_permission(request, ticket):
            raise PermissionDenied
        return self._ticket_page(request, ticket, StaffNoteForm())

    def _ticket_page(self, request, ticket, form, *, saved_reply=None, status=200):
        # Nobody handles their own ticket (the service refuses it too): no buttons, and why.
        own_ticket = ticket.requester_id == request.user.pk
        can_handle = self.has_handle_permission(request) and not own_ticket
        refund_amount = services.approval_refund(ticket) if ticket.is_open else None
        refundable = bool(refund_amount) and not ticket.package.is_cross_border
        context = self._page_context(
            request,
            ticket,
            note_form=form,
            can_handle=can_handle,
            own_ticket=own_ticket,
            assigned_to_me=ticket.assigned_to_id == request.user.pk,
            refund_amount=refund_amount,
            package_cross_border=ticket.package.is_cross_border,
            thread=selectors.ticket_thread(ticket, staff=True),
            requester=selectors.requester_context(ticket),
            emails=ticket.notifications.all(),
            waiting=waiting_cell(ticket),
            saved_replies=selectors.saved_replies() if can_handle else [],
            saved_reply=saved_reply,
            suggested_verb=_suggested_verb(saved_reply, refundable=refundable),
            outcomes=OUTCOMES,
        )
        return TemplateResponse(request, "admin/tickets/deletionticket/ticket.html", context, status=status)

    def _handle(self, request, ticket, verb, note):
        handler, done = HANDLERS[verb]
        try:
            handler(ticket_id=ticket.pk, staff=request.user, note=note)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return False
        self.message_user(request, str(done).format(number=ticket.number), messages.SUCCESS)
        return True

    def _insert_saved_reply(self, request, ticket, form):
        """Insert: the saved reply, filled in for this ticket, joins what is in the reply box, to edit
        before sending (a page of its own, so it works without JavaScript)."""
        saved_reply = selectors.saved_replies().filter(pk=request.POST.get("saved_reply") or None).first()
        typed = form.data.get("note", "").strip()
        if saved_reply is None:
            self.message_user(request, _("Choose a saved reply to insert."), messages.ERROR)
            return self._ticket_page(request, ticket, StaffNoteForm(initial={"note": typed}))
        text = selectors.saved_reply_fill(saved_reply, ticket)
        note = f"{typed}\n\n{text}" if typed else text
        return self._ticket_page(request, ticket, StaffNoteForm(initial={"note": note}), saved_reply=saved_reply)

    def _confirm_outcome(self, request, ticket, verb, form):
        """Release (with or without refund) and Reject: first a page stating what will happen."""
        note = form.cleaned_data["note"]
        if verb == "reject" and not note.strip():
            self.message_user(request, gettext(services.REJECT_NOTE_REQUIRED), messages.ERROR)
            return self._ticket_page(request, ticket, form)
        refund = services.approval_refund(ticket) if verb == "approve_refund" else Decimal("0")
        preview = selectors.outcome_preview(ticket, verb=verb, note=note, refund=refund)
        context = self._page_context(
            request,
            ticket,
            title=_("Confirm: %(outcome)s, ticket %(number)s") % {"outcome": OUTCOMES[verb], "number": ticket.number},
            verb=verb,
            outcome=OUTCOMES[verb],
            preview=preview,
            form=form,
        )
        return TemplateResponse(request, "admin/tickets/deletionticket/confirm_outcome.html", context)

    def handle_view(self, request, ticket_id, verb):
        """The ticket page's buttons. An outcome is done only once its confirmation page is confirmed."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_handle_permission(request):
            raise PermissionDenied
        ticket = get_object_or_404(
            DeletionTicket.objects.desk().select_related("package", "requester", "assigned_to", "refund_order"),
            pk=ticket_id,
        )
        form = StaffNoteForm(request.POST)
        if verb == "insert":
            return self._insert_saved_reply(request, ticket, form)
        if not form.is_valid():
            self.message_user(request, " ".join(form.errors["note"]), messages.ERROR)
            return self._ticket_page(request, ticket, form)
        # One's own ticket is never confirmed: the service's refusal says why at once.
        own_ticket = ticket.requester_id == request.user.pk
        if verb in OUTCOMES and ticket.is_open and not own_ticket and request.POST.get("confirmed") != "1":
            return self._confirm_outcome(request, ticket, verb, form)
        done = self._handle(request, ticket, verb, form.cleaned_data["note"])
        if done and "next" in request.POST:
            following = selectors.next_ticket(staff=request.user, after=ticket)
            if following is None:
                self.message_user(request, _("No open ticket is left in your queue."), messages.INFO)
                return HttpResponseRedirect(reverse("admin:tickets_deletionticket_changelist"))
            return HttpResponseRedirect(reverse("admin:tickets_deletionticket_change", args=[following.pk]))
        if not done and verb != "assign":
            ticket.refresh_from_db()
            return self._ticket_page(request, ticket, form)
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


@admin.register(SavedReply)
class SavedReplyAdmin(admin.ModelAdmin):
    """Reply templates staff keep for the ticket page's Insert."""

    list_display = ["name", "action", "text_start"]
    search_fields = ["name", "text"]
    fields = ["name", "action", "text"]

    @admin.display(description=_("text"))
    def text_start(self, saved_reply):
        return Truncator(saved_reply.text).chars(80)


@admin.register(EmailNotification)
class EmailNotificationAdmin(admin.ModelAdmin):
    """What was sent about tickets, and what failed (send_notifications retries it)."""

    list_display = ["created_at", "ticket", "recipient", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["recipient", "subject", "ticket__id"]
    list_select_related = ["ticket"]
    readonly_fields = [
        "ticket",
        "recipient",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "body_text",
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
