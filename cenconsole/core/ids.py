"""Resource ids in the real service's shape: a prefix and random lower-case letters and digits."""

import secrets
import string

ID_ALPHABET = string.ascii_lowercase + string.digits


def random_id(prefix: str, length: int) -> str:
    return prefix + "".join(secrets.choice(ID_ALPHABET) for _ in range(length))
