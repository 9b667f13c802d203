from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QosConfig(AppConfig):
    name = "cenconsole.qos"
    verbose_name = _("Traffic QoS")

    def ready(self):
        from cenconsole.transit.signals import attachment_deleting, transit_router_deleting

        from . import services

        transit_router_deleting.connect(services.refuse_router_delete_with_marking_policies, dispatch_uid="qos_router")
        attachment_deleting.connect(services.refuse_attachment_delete_with_qos_policies, dispatch_uid="qos_attachment")
