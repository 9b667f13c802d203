"""Resources as the real API's JSON shows them: its field names and casing, lists wrapped in an
object named for the item (CenIds: {CenId: [...]}), area ids in lower case, times as
YYYY-MM-DDThh:mmZ in UTC. One module per group of resources (the actions import this package as
`show`); a new group adds its module and one line here."""

from .addressing import *  # noqa: F403
from .basic import *  # noqa: F403
from .common import *  # noqa: F403
from .grants import *  # noqa: F403
from .multicast import *  # noqa: F403
from .privatezones import *  # noqa: F403
from .qos import *  # noqa: F403
from .routes import *  # noqa: F403
from .routing import *  # noqa: F403
from .transit import *  # noqa: F403
from .transit_connections import *  # noqa: F403
