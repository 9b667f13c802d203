from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlowLogsConfig(AppConfig):
    name = "cenconsole.flowlogs"
    verbose_name = _("Flow logs")

    def ready(self):
        from cenconsole.transit.signals import attachment_deleting, transit_router_deleting

        from . import services

        transit_router_deleting.connect(services.refuse_router_delete_with_flow_logs, dispatch_uid="flowlogs_router")
        attachment_deleting.connect(
            services.refuse_attachment_delete_with_flow_logs, dispatch_uid="flowlogs_attachment"
        )
