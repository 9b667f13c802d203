"""AccessKey secrets at rest: Fernet (AES-128-CBC with HMAC-SHA256) under a key derived from
SECRET_KEY. Secrets encrypted under a key in SECRET_KEY_FALLBACKS still decrypt, so SECRET_KEY can be
rotated the way Django rotates it; without the old key in the fallbacks, existing AccessKeys stop
working and new ones must be created."""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

# Binds the derived key to this one use of SECRET_KEY.
KEY_PURPOSE = b"cenconsole.api: AccessKey secrets"


class SecretUnreadable(Exception):
    """The stored secret was encrypted under a key this server no longer has."""


def _fernet_key(secret_key: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_PURPOSE).derive(secret_key.encode())
    return base64.urlsafe_b64encode(derived)


@lru_cache(maxsize=4)
def _cipher(secret_keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(key)) for key in secret_keys])


def _current_cipher() -> MultiFernet:
    return _cipher((settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])))


def encrypt_secret(secret: str) -> str:
    return _current_cipher().encrypt(secret.encode()).decode("ascii")


def decrypt_secret(token: str) -> str:
    try:
        return _current_cipher().decrypt(token.encode("ascii")).decode()
    except InvalidToken:
        raise SecretUnreadable from None
