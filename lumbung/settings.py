"""Lumbung settings: everything comes from environment variables (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# "production" turns on every safety setting and refuses to start without its secrets.
LUMBUNG_ENV = env("LUMBUNG_ENV", "development").strip().lower()
if LUMBUNG_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("LUMBUNG_ENV harus 'development' atau 'production'.")
PRODUCTION = LUMBUNG_ENV == "production"
DEBUG = env_bool("LUMBUNG_DEBUG", not PRODUCTION)
# Demo mode shows the demo logins on the login page (only when the demo region is loaded).
DEMO_MODE = env_bool("LUMBUNG_DEMO_MODE", False)

SECRET_KEY = env("LUMBUNG_SECRET_KEY")
ALLOWED_HOSTS = env_list("LUMBUNG_ALLOWED_HOSTS")
if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("LUMBUNG_SECRET_KEY wajib diisi di mode produksi (production).")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("LUMBUNG_ALLOWED_HOSTS wajib diisi di mode produksi (production).")
else:
    # A fixed key outside production keeps demo sessions valid across restarts; never used in production.
    SECRET_KEY = SECRET_KEY or "lumbung-insecure-development-key-do-not-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "lumbung.core",
    "lumbung.jobs",
    "lumbung.regions",
    "lumbung.accounts",
    "lumbung.notifications",
    "lumbung.innovations",
    "lumbung.catalogue",
    "lumbung.assessment",
    "lumbung.labs",
    "lumbung.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lumbung.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "lumbung.urls"
WSGI_APPLICATION = "lumbung.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lumbung" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lumbung.accounts.context_processors.memberships",
                "lumbung.notifications.context_processors.inbox",
            ],
        },
    }
]

DATA_DIR = Path(env("LUMBUNG_DATA_DIR", str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'lumbung.sqlite3'}"),
        conn_max_age=int(env("LUMBUNG_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; foreign keys are enforced by Django's backend already.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, for the test database: the browser tests' live server reads it from other threads.
    # One file per test run, so two runs on one machine never share it; the runner deletes it afterwards.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-lumbung-{os.getpid()}.sqlite3")}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Interface language: Bahasa Indonesia first, English available.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "lumbung" / "locale"]
USE_I18N = True
USE_TZ = True
# Stored times are UTC; each region shows its own zone (WIB/WITA/WIT), see core.formatting.
TIME_ZONE = "Asia/Jakarta"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "lumbung" / "static"]
# Outside production, whitenoise serves straight from the apps' static folders (no collectstatic needed).
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
MEDIA_ROOT = Path(env("LUMBUNG_MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or not PRODUCTION
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Submitting an innovation needs a rancang bangun of at least this many words (index rule, per edition).
MIN_DESIGN_WORDS = int(env("LUMBUNG_MIN_DESIGN_WORDS", "300"))

# The site's public address: printed documents carry absolute links and QR codes to pages, and a PDF
# has no request to take the host from.
LUMBUNG_BASE_URL = env("LUMBUNG_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Exports up to this many rows download at once (streamed); bigger ones run as a job on the worker.
EXPORT_DIRECT_MAX_ROWS = int(env("LUMBUNG_EXPORT_DIRECT_MAX_ROWS", "2000"))

# Uploads: largest accepted attachment, in megabytes.
UPLOAD_MAX_MB = int(env("LUMBUNG_UPLOAD_MAX_MB", "10"))
# Spreadsheet imports (units, people, innovations): largest file in megabytes, and most data rows.
IMPORT_MAX_MB = int(env("LUMBUNG_IMPORT_MAX_MB", "20"))
IMPORT_MAX_ROWS = int(env("LUMBUNG_IMPORT_MAX_ROWS", "50000"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env("LUMBUNG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("LUMBUNG_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("LUMBUNG_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("LUMBUNG_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("LUMBUNG_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("LUMBUNG_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("LUMBUNG_FROM_EMAIL", "Lumbung <noreply@lumbung.local>")

SESSION_COOKIE_AGE = int(env("LUMBUNG_SESSION_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("LUMBUNG_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("LUMBUNG_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("LUMBUNG_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LUMBUNG_LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step of every PDF at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}
