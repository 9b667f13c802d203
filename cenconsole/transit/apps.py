from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransitConfig(AppConfig):
    name = "cenconsole.transit"
    verbose_name = _("Transit routers")

    def ready(self):
        from cenconsole.bandwidth.signals import package_releasing
        from cenconsole.cen.signals import cen_deleting
        from cenconsole.networks.signals import network_attaching

        from . import services

        network_attaching.connect(services.refuse_basic_attach_of_transit_vpc, dispatch_uid="transit_vpc_exclusive")
        package_releasing.connect(services.release_peer_attachments, dispatch_uid="transit_release_peer_attachments")
        cen_deleting.connect(services.delete_routers_of_cen, dispatch_uid="transit_delete_routers_of_cen")
