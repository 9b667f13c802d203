"""What networks announces to the apps above it, which react without networks importing them."""

from django.dispatch import Signal

# Sent inside Attach Network Instance's transaction, before the VPC is attached, with owner and
# network_id (the VPC ID): a receiver refuses by raising ValidationError (a transit router's VPC).
network_attaching = Signal()
