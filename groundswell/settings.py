"""Groundswell settings, read from the environment with working local defaults (SQLite, console email)."""

import os
from pathlib import Path
from typing import Any

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


VAR_DIR = Path(env_str("GROUNDSWELL_VAR_DIR", str(BASE_DIR / "var")))
DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("GROUNDSWELL_DEMO", False)
SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-change-me-in-production")
ALLOWED_HOSTS = [
    h for h in env_str("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in env_str("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = env_str("SITE_NAME", "Groundswell")

# Where the shared open data lives (UK postcodes, constituencies, STV elections). Tests skip without it.
GROUNDSWELL_DATA_DIR = Path(
    env_str("GROUNDSWELL_DATA_DIR", str(BASE_DIR.parent / "shared" / "data"))
)

INSTALLED_APPS = [
    "groundswell.accounts.admin_apps.VerifiedAdminConfig",  # the admin, behind two-factor sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "django_htmx",
    "groundswell.core",
    "groundswell.accounts",
    "groundswell.geo",
    "groundswell.people",
    "groundswell.groups",
    "groundswell.events",
    "groundswell.targets",
    "groundswell.searches",
    "groundswell.outreach",
    "groundswell.democracy",
    "groundswell.primary",
    "groundswell.selections",
    "groundswell.constitution",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "groundswell.urls"
WSGI_APPLICATION = "groundswell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "groundswell" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "groundswell.core.context_processors.site",
            ],
        },
    }
]

FORM_RENDERER = "groundswell.core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'groundswell.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (progress pages) run while a background import writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if env_bool("GROUNDSWELL_FAST_TEST_HASHER"):  # the test suite only: argon2 is slow by design
    PASSWORD_HASHERS.insert(0, "django.contrib.auth.hashers.MD5PasswordHasher")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

REDIS_URL = env_str("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if env_str("CACHE_BACKEND") == "locmem":  # the test suite: nothing persists between runs
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # A file cache is shared by every process on one machine: the web server and the task worker
    # see the same sign-in throttles and import progress.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # Django's default of 300 entries culls a third at random when full: too few for the
            # finder's shared counts, the throttles and import progress together.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg"), ("es", "Español")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "groundswell" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 512 * 1024 * 1024)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Groundswell <no-reply@groundswell.local>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

OTP_TOTP_ISSUER = SITE_NAME
SIGN_IN_LINK_MAX_AGE = env_int("SIGN_IN_LINK_MAX_AGE", 15 * 60)
SIGN_IN_MAX_FAILURES = env_int("SIGN_IN_MAX_FAILURES", 5)
SIGN_IN_LOCKOUT_SECONDS = env_int("SIGN_IN_LOCKOUT_SECONDS", 15 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # also makes VAR_DIR

# Serve static files straight from the apps' folders, so the demo needs no collectstatic step.
WHITENOISE_USE_FINDERS = True

# Covering indexes (INCLUDE) speed up PostgreSQL; SQLite simply ignores the extra columns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# --- SMS (peer-to-peer texting; groundswell/messaging/sms) -------------------------------------
# SMS_PROVIDER is "console" (development: texts go to SMS_FILE_PATH and stdout) or "twilio".
SMS_PROVIDER = env_str("SMS_PROVIDER", "console")
SMS_FROM_NUMBER = env_str("SMS_FROM_NUMBER", "")  # E.164 sender, unless a Messaging Service is set
SMS_TIMEOUT_SECONDS = env_int("SMS_TIMEOUT_SECONDS", 10)  # a texter waits on each send
SMS_TWILIO_ACCOUNT_SID = env_str("SMS_TWILIO_ACCOUNT_SID", "")
SMS_TWILIO_AUTH_TOKEN = env_str("SMS_TWILIO_AUTH_TOKEN", "")  # also verifies webhook signatures
SMS_TWILIO_MESSAGING_SERVICE_SID = env_str("SMS_TWILIO_MESSAGING_SERVICE_SID", "")
SMS_TWILIO_API_BASE = env_str("SMS_TWILIO_API_BASE", "https://api.twilio.com")
SMS_FILE_PATH = Path(env_str("SMS_FILE_PATH", str(VAR_DIR / "sms.log")))
SMS_CONSOLE_ECHO = env_bool("SMS_CONSOLE_ECHO", True)  # also print each text to stdout
SMS_CONSOLE_SECRET = env_str("SMS_CONSOLE_SECRET", SECRET_KEY)  # signs simulated dev webhooks
SMS_DEFAULT_REGION = env_str("SMS_DEFAULT_REGION", "GB")  # for numbers typed without +country
SMS_DEFAULT_TIME_ZONE = env_str("SMS_DEFAULT_TIME_ZONE", TIME_ZONE)  # when a prefix has no zone
SMS_HOURS_START = env_int("SMS_HOURS_START", 9)  # texting allowed from this hour, their time…
SMS_HOURS_END = env_int("SMS_HOURS_END", 21)  # …until this hour (exclusive)
