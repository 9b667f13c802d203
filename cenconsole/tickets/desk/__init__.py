"""The staff's desk for deletion tickets (docs/using/desk.md): the queue, a ticket's page, its buttons
and the queue's actions on selected tickets, as plain views at /desk/. Staff sign in through the
admin; the Support staff group's permissions say who reads tickets and who handles them. Every change
goes through tickets.services."""
