"""A free TCP port on loopback, for the tests that start a server of their own (gunicorn, `make run`,
nginx, an SMTP server): each asks the system for one, so parallel workers never collide."""

import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
