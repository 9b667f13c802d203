"""Existing tickets get their conversation: the reason as the opening message, the staff note as the
outcome's message; open tickets wait for staff since they were opened."""

from django.db import migrations


def backfill(apps, schema_editor):
    DeletionTicket = apps.get_model("tickets", "DeletionTicket")
    TicketMessage = apps.get_model("tickets", "TicketMessage")
    for ticket in DeletionTicket.objects.all().iterator():
        if ticket.messages.exists():
            continue
        TicketMessage.objects.create(
            ticket=ticket, author_id=ticket.requester_id, text=ticket.reason, new_status="Pending",
            created_at=ticket.created_at,
        )
        if ticket.status == "Pending":
            ticket.awaiting_staff_since = ticket.created_at
            ticket.save(update_fields=["awaiting_staff_since"])
        elif ticket.handled_at:
            TicketMessage.objects.create(
                ticket=ticket, author_id=ticket.handled_by_id, from_staff=True, text=ticket.staff_note,
                old_status="Pending", new_status=ticket.status, created_at=ticket.handled_at,
                read_by_user_at=ticket.handled_at,
            )


class Migration(migrations.Migration):
    dependencies = [("tickets", "0005_ticket_conversation_queue_notifications")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
