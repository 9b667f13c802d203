from django.apps import AppConfig


class TicketsConfig(AppConfig):
    name = "cenconsole.tickets"
    verbose_name = "Tickets"
