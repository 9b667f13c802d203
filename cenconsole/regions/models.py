from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """An area of the seed's table: one or more Alibaba Cloud regions. Reference data."""

    code = models.CharField(_("area id"), max_length=32, primary_key=True, help_text=_("API id, e.g. China."))
    name = models.CharField(_("area"), max_length=64, unique=True, help_text=_("Console name, e.g. Mainland China."))
    position = models.PositiveSmallIntegerField(
        help_text=_("Order of the area in the seed's table."), verbose_name=_("position")
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (stored in English; translations in the catalogue)."""
        return gettext(self.name)

    @property
    def api_id(self):
        """Responses report area ids in lower case."""
        return self.code.lower()


class Region(models.Model):
    """An Alibaba Cloud region and the area it belongs to. Reference data."""

    code = models.CharField(_("region id"), max_length=32, primary_key=True, help_text=_("e.g. cn-hangzhou."))
    name = models.CharField(_("region"), max_length=64, unique=True, help_text=_("e.g. China (Hangzhou)."))
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="regions", verbose_name=_("area"))
    position = models.PositiveSmallIntegerField(
        help_text=_("Order of the region in the seed's table."), verbose_name=_("position")
    )

    class Meta:
        ordering = ["area__position", "position"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (stored in English; translations in the catalogue)."""
        return gettext(self.name)


# The area whose pairing with any other area makes a package cross-border.
MAINLAND_CHINA = "China"
