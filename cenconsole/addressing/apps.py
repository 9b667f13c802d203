from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressingConfig(AppConfig):
    name = "cenconsole.addressing"
    verbose_name = _("Transit router address space")

    def ready(self):
        from cenconsole.transit.signals import attachment_deleting, route_table_deleting, transit_router_deleting

        from . import services

        transit_router_deleting.connect(services.refuse_router_delete_with_addressing, dispatch_uid="addressing_router")
        route_table_deleting.connect(
            services.refuse_route_table_delete_with_addressing, dispatch_uid="addressing_route_table"
        )
        attachment_deleting.connect(services.refuse_attachment_delete_as_next_hop, dispatch_uid="addressing_attachment")
