"""Tickets in the admin: saved replies (kept by Support staff), the email outbox (read-only), and an
entry for deletion tickets that leads to the desk (tickets.desk, /desk/), where they are worked."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from cenconsole.core.admin import ReadOnlyAdmin

from .desk.urls import admin_redirects
from .models import DeletionTicket, EmailNotification, SavedReply
from .services import HANDLE_PERMISSION


@admin.register(DeletionTicket)
class DeletionTicketAdmin(ReadOnlyAdmin):
    """Deletion tickets in the admin's index and navigation, as ever, for staff who read them; every
    address of theirs leads to the same page of the desk. Nothing is listed, changed or deleted here."""

    def get_urls(self):
        return admin_redirects


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
class EmailNotificationAdmin(ReadOnlyAdmin):
    """What was sent about tickets, and what failed (send_notifications retries it). Read by staff who
    handle tickets; never written here."""

    list_display = ["created_at", "ticket_at_desk", "recipient", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["recipient", "subject", "ticket__id"]
    list_select_related = ["ticket"]
    readonly_fields = [
        "ticket_at_desk",
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

    @admin.display(description=_("Ticket"), ordering="ticket")
    def ticket_at_desk(self, notification):
        """The ticket, linked to its page at the desk (tickets.desk), where it is worked."""
        return format_html(
            '<a href="{}">{}</a>', reverse("desk:ticket", args=[notification.ticket_id]), notification.ticket
        )

    def has_module_permission(self, request):
        return request.user.has_perm(HANDLE_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(HANDLE_PERMISSION)
