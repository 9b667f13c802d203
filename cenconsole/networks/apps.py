from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "cenconsole.networks"
    verbose_name = _("Networks and region connections")

    def ready(self):
        # Reactions to the apps below, which announce with signals and do not import this one.
        from cenconsole.bandwidth.signals import package_bandwidth_lowering, package_releasing

        from .services import release_connections, trim_connections

        package_releasing.connect(release_connections, dispatch_uid="networks.release_connections")
        package_bandwidth_lowering.connect(trim_connections, dispatch_uid="networks.trim_connections")
