from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "cenconsole.workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from cenconsole.demo.signals import reset_seed

        from .services import trainee_reset_seed

        # Reset demo on a trainee's sandbox (the top bar's, or Reset everyone) puts back the
        # workshop's scenario, not the demo's seed.
        reset_seed.connect(trainee_reset_seed, dispatch_uid="workshops.trainee_reset_seed")

        from django.contrib.auth.signals import user_logged_in

        from .context_processors import roles_remember

        # The navigation's staff entries are read at each sign-in.
        user_logged_in.connect(roles_remember, dispatch_uid="workshops.roles_remember")
