from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MulticastConfig(AppConfig):
    name = "cenconsole.multicast"
    verbose_name = _("Multicast")

    def ready(self):
        from cenconsole.transit.signals import transit_router_deleting, vpc_attachment_deleting

        from . import services

        transit_router_deleting.connect(services.refuse_router_delete_with_domains, dispatch_uid="multicast_router")
        vpc_attachment_deleting.connect(
            services.refuse_attachment_delete_with_associations, dispatch_uid="multicast_vpc_attachment"
        )
