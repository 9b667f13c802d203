"""What transit announces to the apps above it, which react without transit importing them."""

from django.dispatch import Signal

# Sent inside Delete Transit Router's transaction, once the router may go as far as transit knows, with
# owner and router: a receiver refuses by raising ValidationError (a multicast domain of the router).
transit_router_deleting = Signal()

# Sent inside Delete VPC Connection's transaction, before the connection goes, with owner and
# attachment: a receiver refuses by raising ValidationError (a vSwitch in a multicast domain).
vpc_attachment_deleting = Signal()

# Sent inside the delete of every kind of connection (VPC, inter-region, VBR, VPN, ECR), before it goes and
# before its route table links do, with owner and attachment: a receiver refuses by raising ValidationError
# (a flow log of the connection, a QoS policy on it, a prefix list association whose next hop it is).
attachment_deleting = Signal()

# Sent inside Delete Route Table's transaction, before the custom table goes, with owner and route_table: a
# receiver refuses by raising ValidationError (a route map, a prefix list association, an aggregate route).
route_table_deleting = Signal()
