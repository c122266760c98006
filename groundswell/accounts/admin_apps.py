"""Django's admin app, with a site that demands two-factor sign-in (named in INSTALLED_APPS)."""

from django.contrib.admin.apps import AdminConfig


class VerifiedAdminConfig(AdminConfig):
    default_site = "groundswell.accounts.admin_site.VerifiedAdminSite"
