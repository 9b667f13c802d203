"""What cen announces to the apps above it, which react without cen importing them."""

from django.dispatch import Signal

# Sent inside Delete CEN Instance's transaction, once cen's own rules allow it (no bound packages, no
# attached network instances), with owner and instance: a receiver refuses by raising ValidationError
# (a transit router's connection or custom route table), or lets what goes with the instance go with
# it (its bare transit routers).
cen_deleting = Signal()
