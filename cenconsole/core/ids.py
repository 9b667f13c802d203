"""Resource ids in the real service's shape: a prefix and random lower-case letters and digits."""

import secrets
import string
import time

ID_ALPHABET = string.ascii_lowercase + string.digits


def random_id(prefix: str, length: int) -> str:
    return prefix + "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def order_number() -> str:
    """An order number in the real console's long form: 16 digits, "21" then the time in microseconds
    (its last 10 digits) and 4 random digits. Never reused across Reset demo or accounts (the column is
    unique); it says nothing of how many orders came before."""
    micros = time.time_ns() // 1000 % 10**10
    return f"21{micros:010d}{secrets.randbelow(10**4):04d}"
