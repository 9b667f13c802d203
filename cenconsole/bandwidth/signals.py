"""What this app announces to the apps above it (which it does not import). Their receivers react
inside the same transaction."""

from django.dispatch import Signal

# Sent by package_release with `package` (locked) and `actor`, before the package is released: the
# networks app removes the package's region connections.
package_releasing = Signal()

# Sent when a temporary upgrade ends, with `package` (locked), its `bandwidth` to come and `actor`,
# before the bandwidth is lowered: the networks app trims the package's region connections to fit.
package_bandwidth_lowering = Signal()
