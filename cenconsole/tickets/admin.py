from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .forms import StaffNoteForm
from .models import DeletionTicket

HANDLERS = {
    "approve": (services.ticket_approve, _("Ticket {number} approved.")),
    "approve_refund": (
        partial(services.ticket_approve, refund=True),
        _("Ticket {number} approved. The package's unused time was refunded."),
    ),
    "reject": (services.ticket_reject, _("Ticket {number} rejected.")),
}
# Each verb's action: its name in the changelist's menu and the title of the page asking for the note.
ACTION_TITLES = {"approve": _("Approve selected tickets"), "reject": _("Reject selected tickets")}


@admin.register(DeletionTicket)
class DeletionTicketAdmin(admin.ModelAdmin):
    list_display = [
        "number", "package", "package_name", "requester", "status", "created_at", "handled_at", "handled_by"
    ]
    list_filter = ["status"]
    search_fields = ["package__id", "package__name", "requester__username"]
    list_select_related = ["package", "requester", "handled_by"]
    fields = [
        "number", "status", "requester", "package", "package_details", "reason",
        "created_at", "handled_at", "handled_by", "staff_note", "refund_order", "history",
    ]
    readonly_fields = fields
    actions = ["approve_selected", "reject_selected"]
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

    @admin.action(description=ACTION_TITLES["approve"], permissions=["handle"])
    def approve_selected(self, request, queryset):
        return self._handle_selected(request, queryset, "approve")

    @admin.action(description=ACTION_TITLES["reject"], permissions=["handle"])
    def reject_selected(self, request, queryset):
        return self._handle_selected(request, queryset, "reject")
