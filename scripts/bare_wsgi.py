"""A bare WSGI app answering "ok": what `make bench` serves on the same gunicorn as the console, so every
figure is a ratio to what this stack can answer at all (scripts/bench.py)."""

BODY = b"ok"
HEADERS = [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
