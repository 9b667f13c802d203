from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock


class DemoAccountsChoice(models.Model):
    """Whether this deployment has the demo accounts (admin/admin, demo/demo), kept by the database: one
    row, written by seed_demo the first time it runs with DEMO_ACCOUNTS=0 (or by the upgrade's migration
    for a database that held accounts but none the seeder made). A later plain `make run` reads it, so an
    operator's choice of no demo accounts holds without the environment variable."""

    SINGLETON = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON, editable=False)
    enabled = models.BooleanField(_("demo accounts"), default=False)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=clock.real_now)

    class Meta:
        verbose_name = "demo accounts choice"
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="demo_accounts_choice_singleton")]

    def __str__(self):
        return f"demo accounts {'on' if self.enabled else 'off'} since {self.recorded_at:%Y-%m-%d %H:%M}"
