import secrets
import string

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock

# Shaped like the real service's: an ID of 24 letters and digits starting LTAI, a secret of 30.
ACCESS_KEY_ID_PREFIX = "LTAI"
ACCESS_KEY_ALPHABET = string.ascii_letters + string.digits


def new_access_key_id() -> str:
    return ACCESS_KEY_ID_PREFIX + "".join(secrets.choice(ACCESS_KEY_ALPHABET) for _ in range(20))


def new_access_key_secret() -> str:
    return "".join(secrets.choice(ACCESS_KEY_ALPHABET) for _ in range(30))


class AccessKey(models.Model):
    """An AccessKey pair that signs API requests as its owner. The secret is kept encrypted
    (api.crypto); it is shown in plain text once, when the key is created."""

    class Status(models.TextChoices):
        ACTIVE = "Active", _("Enabled")
        INACTIVE = "Inactive", _("Disabled")

    id = models.CharField(_("AccessKey ID"), max_length=64, primary_key=True, default=new_access_key_id, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_keys", verbose_name=_("account")
    )
    secret_encrypted = models.TextField(
        _("encrypted secret"),
        blank=True,
        editable=False,
        help_text=_("The AccessKey Secret, encrypted with a key derived from SECRET_KEY. Empty once deleted."),
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE, verbose_name=_("status"))
    created_at = models.DateTimeField(_("created"), default=clock.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    deleted_at = models.DateTimeField(
        _("deleted"),
        null=True,
        blank=True,
        help_text=_("Set when the user deletes the key; its secret is wiped and the ID is never issued again."),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("AccessKey")
        verbose_name_plural = _("AccessKeys")
        indexes = [models.Index(fields=["owner", "-created_at"], name="access_key_owner_created_idx")]

    def __str__(self):
        return self.id

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE and self.deleted_at is None


class SignatureNonce(models.Model):
    """A SignatureNonce an AccessKey has used. The unique constraint refuses a replay even when two
    app servers receive it at the same moment. Kept until the request's Timestamp is too old to be
    accepted again, then pruned."""

    access_key = models.ForeignKey(AccessKey, on_delete=models.CASCADE, related_name="+", verbose_name=_("access key"))
    nonce = models.CharField(max_length=128, verbose_name=_("nonce"))
    timestamp = models.DateTimeField(
        help_text=_("The Timestamp the request was signed with."), verbose_name=_("timestamp")
    )

    class Meta:
        verbose_name = _("signature nonce")
        verbose_name_plural = _("signature nonces")
        constraints = [models.UniqueConstraint(fields=["access_key", "nonce"], name="one_use_per_signature_nonce")]
        indexes = [models.Index(fields=["timestamp"], name="signature_nonce_timestamp_idx")]

    def __str__(self):
        return self.nonce


class ClientToken(models.Model):
    """A create request's ClientToken and what it created, so a retried request answers with the
    same resource instead of creating another."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner")
    )
    action = models.CharField(max_length=64, verbose_name=_("action"))
    token = models.CharField(max_length=64, verbose_name=_("token"))
    resource_id = models.CharField(max_length=64, verbose_name=_("resource id"))
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        verbose_name=_("parameters"),
        help_text=_("A digest of what the request asked: a retry with the same token must ask the same."),
    )
    created_at = models.DateTimeField(default=clock.now, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("client token")
        verbose_name_plural = _("client tokens")
        constraints = [
            models.UniqueConstraint(fields=["owner", "action", "token"], name="one_resource_per_client_token")
        ]

    def __str__(self):
        return f"{self.action} {self.token}"


class ConnectionDirection(models.Model):
    """The local and opposite regions an API caller gave a region connection. The console stores a
    connection's regions in the seed table's order (one row per unordered pair); the API answers
    DescribeCenInterRegionBandwidthLimits with the regions as SetCenInterRegionBandwidthLimit gave
    them. Kept by the connection's ID without a foreign key, so the networks app never deletes
    through this table; a row whose regions are not its connection's pair is ignored."""

    connection_id = models.BigIntegerField(primary_key=True, verbose_name=_("connection id"))
    local_region_id = models.CharField(max_length=32, verbose_name=_("local region id"))
    opposite_region_id = models.CharField(max_length=32, verbose_name=_("opposite region id"))

    class Meta:
        verbose_name = _("region connection direction")
        verbose_name_plural = _("region connection directions")

    def __str__(self):
        return f"{self.connection_id}: {self.local_region_id} -> {self.opposite_region_id}"


class RequestCount(models.Model):
    """How many API requests an account made in one second of real time, for the optional throttle
    (API_RATE_PER_SECOND): one row per account and second, counted in the database, so every app
    server behind a load balancer counts the same. Rows older than a minute are pruned."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("owner")
    )
    second = models.DateTimeField(verbose_name=_("second"))
    count = models.PositiveIntegerField(default=0, verbose_name=_("requests"))

    class Meta:
        verbose_name = _("API request count")
        verbose_name_plural = _("API request counts")
        constraints = [models.UniqueConstraint(fields=["owner", "second"], name="one_request_count_per_second")]

    def __str__(self):
        return f"{self.owner_id} {self.second:%H:%M:%S}: {self.count}"
