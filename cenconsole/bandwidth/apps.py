from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class BandwidthConfig(AppConfig):
    name = "cenconsole.bandwidth"
    verbose_name = _("Bandwidth packages")

    def ready(self):
        from .services.packages import package_saved

        post_save.connect(
            package_saved, sender=self.get_model("BandwidthPackage"), dispatch_uid="bandwidth.package_saved"
        )
