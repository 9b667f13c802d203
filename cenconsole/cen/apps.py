from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CenConfig(AppConfig):
    name = "cenconsole.cen"
    verbose_name = _("CEN instances")

    def ready(self):
        from .services import instance_saved

        post_save.connect(instance_saved, sender=self.get_model("CenInstance"), dispatch_uid="cen.instance_saved")
