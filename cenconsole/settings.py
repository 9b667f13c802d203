"""Settings for CEN Console, read from the environment.

DATABASE_URL  default: SQLite file db.sqlite3 at the repository root.
SECRET_KEY    default: a key kept in .secret_key at the repository root (made on first use).
DEBUG         default: off.
ALLOWED_HOSTS default: 127.0.0.1,localhost (comma separated).
EMAIL_URL     default: console:// (emails printed on the server's output); smtp://host:port,
              smtp+tls://user:pass@host:587, smtp+ssl://user:pass@host:465.
DEFAULT_FROM_EMAIL default: CEN Console <noreply@localhost>.
CONSOLE_URL   default: http://127.0.0.1:8000 (the console's address, for links in emails).
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key():
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    # Every app server behind a load balancer must share one key: set SECRET_KEY there. On one
    # machine a key kept beside the code survives restarts, so sessions do too.
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "crispy_forms",
    "crispy_bootstrap5",
    "cenconsole.core",
    "cenconsole.accounts",
    "cenconsole.regions",
    "cenconsole.cen",
    "cenconsole.products",
    "cenconsole.bandwidth",
    "cenconsole.billing",
    "cenconsole.audit",
    "cenconsole.tickets",
    "cenconsole.networks",
    "cenconsole.transit",
    "cenconsole.routemaps",
    "cenconsole.healthchecks",
    "cenconsole.flowlogs",
    "cenconsole.privatezones",
    "cenconsole.addressing",
    "cenconsole.multicast",
    "cenconsole.qos",
    "cenconsole.grants",
    "cenconsole.api",
    "cenconsole.tags",
    "cenconsole.demo",
    "cenconsole.workshops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # GET /healthz is answered here, before the session and the account are read (core.middleware).
    "cenconsole.core.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cenconsole.api.middleware.ApiErrorMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The console's language: the language cookie (set by the switch in the top bar), else the
    # browser's Accept-Language. URLs carry no language. The API answers in English whatever it says
    # (api.views and api.middleware override it).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cenconsole.core.middleware.NullCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "cenconsole.accounts.middleware.SessionAuthenticationMiddleware",
    # A trainee's session whose workshop ended (its sandbox removed) opens "This workshop has ended".
    "cenconsole.workshops.middleware.WorkshopEndedMiddleware",
    "cenconsole.core.middleware.AccountClockMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cenconsole.core.middleware.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "cenconsole.urls"
WSGI_APPLICATION = "cenconsole.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cenconsole.core.context_processors.navigation",
                "cenconsole.demo.context_processors.demo_bar",
                "cenconsole.workshops.context_processors.workshop_trainee",
                "cenconsole.workshops.context_processors.staff_navigation",
                "cenconsole.tickets.context_processors.unread_tickets",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write to one file: WAL lets readers run beside the writer, the busy
    # timeout makes a writer wait instead of failing, and IMMEDIATE transactions take the write lock
    # at BEGIN, so two transactions never deadlock upgrading read locks ("database is locked").
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DATABASES["default"]["NAME"] == ":memory:" else 600

# Per-process memory cache: it only holds fragments keyed on versions read from the database, so app
# servers behind a load balancer never serve each other's stale state.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}},
    # Signed-in pages as sent (core.page_cache): a few tens of KB each, per app server process.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "500"))},
    },
}
# How long a signed-in page may be sent again while nothing is written (core.page_cache); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "1"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
# Where signing in lands without a `next`: by role (workshops.views.signed_in): support staff on the
# desk's queue, facilitators on Workshops, superusers on the admin's index, everyone else on Instances.
LOGIN_REDIRECT_URL = "signed_in"
LOGOUT_REDIRECT_URL = "login"

# ModelBackend, reading the signed-in account with a statement compiled once (accounts.backends).
AUTHENTICATION_BACKENDS = ["cenconsole.accounts.backends.AccountBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The console's languages (docs/using/languages.md): the switch in the top bar offers these.
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
# The switch's choice is kept a year in the language cookie (Django's default ends with the browser).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
# The one catalogue of templates/ and every app's marked strings: `make messages` (makemessages for
# zh_Hans) writes cenconsole/locale/zh_Hans/LC_MESSAGES/django.po; `make run` and `make test` compile it.
LOCALE_PATHS = [BASE_DIR / "cenconsole" / "locale"]
# Number formats per language (core/formats/): amounts keep "1,200.00" grouping in Chinese too.
FORMAT_MODULE_PATH = ["cenconsole.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions live in a cookie signed with SECRET_KEY: app servers stay stateless (any server behind the
# load balancer reads any session) and no request pays a session query. Sessions still end when the
# user says so, on every server, through the account row every signed-in request reads anyway: Sign out
# keeps the session's id there (a copied cookie is then refused), Sign out everywhere and a password
# change alter the password hash every session is checked against (accounts.models.User).
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Request limits, set on purpose (docs/operating/limits.md). Django refuses a larger form body, more fields
# (query string and body each) or more files when the parameters are first read; API requests get the
# API's JSON error for these (api.middleware) and for a query string longer than
# API_MAX_QUERY_STRING_LENGTH, which stays well under gunicorn's request-line limit (8190, Makefile).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # bytes of form body; the largest real form is a few KB
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000  # Django's default: the admin's bulk actions post one field per row
DATA_UPLOAD_MAX_NUMBER_FILES = 10  # the console takes no uploads
API_MAX_QUERY_STRING_LENGTH = 4096

# Served over HTTPS (behind TLS): HTTPS=1 turns on redirects, HSTS and secure cookies. Off by default,
# since `make run` serves plain HTTP on 127.0.0.1.
HTTPS = env_bool("HTTPS")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# No inline scripts or styles anywhere: htmx is configured by a meta tag, CSRF goes in hx-headers.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Demo credit a new account starts with, in USD.
CEN_SIGNUP_CREDIT = "10000.00"
# Sign-in throttling: this many failures within the window for one username from one address lock
# sign-in for that username from that address (others, and that user elsewhere, still sign in).
SIGN_IN_THROTTLE_MINUTES = 15
SIGN_IN_FAILURES_PER_USER = 5
# Sign-up: how many accounts one address may make per window (counted in the database).
SIGN_UP_THROTTLE_MINUTES = 60
SIGN_UPS_PER_ADDRESS = int(os.environ.get("SIGN_UPS_PER_ADDRESS", "5"))


def _sign_up_networks(text: str) -> dict[str, int]:
    """SIGN_UP_NETWORKS, `network:limit` comma separated (`10.1.0.0/16:100,192.0.2.7:40`): each address in
    the network may sign up `limit` accounts an hour instead of SIGN_UPS_PER_ADDRESS (a classroom behind one
    NAT address); the most specific network an address is in decides."""
    networks = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        network, _colon, limit = item.rpartition(":")
        try:
            network, limit = str(ipaddress.ip_network(network, strict=False)), int(limit)
        except ValueError:
            limit = -1
        if limit < 0:
            raise ImproperlyConfigured(f"SIGN_UP_NETWORKS: {item!r} is not `network:limit` (e.g. 10.1.0.0/16:100).")
        networks[network] = limit
    return networks


SIGN_UP_NETWORKS = _sign_up_networks(os.environ.get("SIGN_UP_NETWORKS", ""))
# The proxies (load balancers) in front of the app servers, as addresses or networks, comma separated:
# the client's address is read from X-Forwarded-For only when the connecting peer is one of them
# (cenconsole.core.net.client_address). Empty: REMOTE_ADDR, whatever the request says.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address or a network.") from None
# The demo accounts admin/admin and demo/demo (seed_demo, `make run`): DEMO_ACCOUNTS=0 for a deployment.
DEMO_ACCOUNTS = env_bool("DEMO_ACCOUNTS", True)
# Per-account quotas (docs/operating/limits.md): beyond them the console and the API refuse to make more.
QUOTA_CEN_INSTANCES = int(os.environ.get("QUOTA_CEN_INSTANCES", "100"))
QUOTA_UNPAID_ORDERS = int(os.environ.get("QUOTA_UNPAID_ORDERS", "50"))
QUOTA_BANDWIDTH_PACKAGES = int(os.environ.get("QUOTA_BANDWIDTH_PACKAGES", "100"))
# API requests per second per account beyond which the API answers Throttling.User, as the real API does
# under flow control (docs/operating/limits.md). 0: no limit (the default).
API_RATE_PER_SECOND = int(os.environ.get("API_RATE_PER_SECOND", "0"))
# Days an expired package is kept before it is released automatically.
CEN_RELEASE_GRACE_DAYS = int(os.environ.get("CEN_RELEASE_GRACE_DAYS", "15"))
# How long a transit router is Creating / Deleting and a connection Attaching / Detaching (the real
# service's asynchronous operations), derived from timestamps on the one clock.
TRANSIT_TRANSITION_SECONDS = int(os.environ.get("TRANSIT_TRANSITION_SECONDS", "3"))
# An unpaid order lapses this long after it is placed (a replica choice: Alibaba does not publish one).
ORDER_PAYMENT_WINDOW_HOURS = int(os.environ.get("ORDER_PAYMENT_WINDOW_HOURS", "24"))
# Demo sandboxes (Try the console): how long one lives, and how many one address may make per window.
DEMO_SANDBOX_HOURS = int(os.environ.get("DEMO_SANDBOX_HOURS", "8"))
DEMO_SANDBOX_THROTTLE_MINUTES = 60
DEMO_SANDBOXES_PER_ADDRESS = int(os.environ.get("DEMO_SANDBOXES_PER_ADDRESS", "10"))
# Joining a workshop (docs/using/workshops.md): trainee sandboxes an address may make in an hour.
# Higher than Try the console's: a room often reaches the console through one address.
WORKSHOP_JOINS_PER_ADDRESS = int(os.environ.get("WORKSHOP_JOINS_PER_ADDRESS", "50"))


# Email (ticket notifications), from EMAIL_URL, parsed by dj-email-url. django-environ's spellings
# smtp+tls:// and smtp+ssl:// are accepted as aliases of dj-email-url's own (submission://, ?ssl=1).
def _email_url(url):
    if url.startswith("smtp+tls://"):
        return "submission://" + url.removeprefix("smtp+tls://")
    if url.startswith("smtp+ssl://"):
        url = "smtp://" + url.removeprefix("smtp+ssl://")
        return url + ("&" if "?" in url else "?") + "ssl=1"
    return url


_email = dj_email_url.parse(_email_url(os.environ.get("EMAIL_URL") or "console://"))
EMAIL_BACKEND = _email.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# Short: a send runs after the user's or staff member's action committed, in the same request.
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 5
DEFAULT_FROM_EMAIL = (
    os.environ.get("DEFAULT_FROM_EMAIL") or _email.get("DEFAULT_FROM_EMAIL") or ("CEN Console <noreply@localhost>")
)
# The console's address as users reach it, for the links in emails.
CONSOLE_URL = os.environ.get("CONSOLE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")

# Tickets: how long a ticket may wait for a staff answer before the queue flags it overdue.
TICKET_SLA_HOURS = int(os.environ.get("TICKET_SLA_HOURS", "24"))
# A failed email is retried by send_notifications this many times in all.
NOTIFICATION_MAX_ATTEMPTS = 10
# send_notifications stops sending after this many seconds (each SMTP connection also times out after
# EMAIL_TIMEOUT); the mails it did not reach wait for its next run.
NOTIFICATION_SEND_SECONDS = int(os.environ.get("NOTIFICATION_SEND_SECONDS", "30"))
