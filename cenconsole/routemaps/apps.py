from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RouteMapsConfig(AppConfig):
    name = "cenconsole.routemaps"
    verbose_name = _("Route maps")

    def ready(self):
        from cenconsole.transit.signals import route_table_deleting, transit_router_deleting

        from . import services

        transit_router_deleting.connect(services.refuse_router_delete_with_route_maps, dispatch_uid="routemaps_router")
        route_table_deleting.connect(
            services.refuse_route_table_delete_with_route_maps, dispatch_uid="routemaps_route_table"
        )
