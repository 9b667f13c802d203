"""Resource ids in the real service's shape: a prefix and random lower-case letters and digits."""

import secrets
import string

ID_ALPHABET = string.ascii_lowercase + string.digits


def random_id(prefix: str, length: int) -> str:
    return prefix + "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def order_number() -> str:
    """An order number in the real console's long form: 16 digits, "2" then 15 random ones (the operating
    system's randomness: a frozen or repeated clock makes no repeats). It says nothing of how many orders
    came before; the column is unique, and a new order draws again in the rare case the number is taken."""
    return f"2{secrets.randbelow(10**15):015d}"
