"""Accounts in the admin: roles and activity, never passwords."""

from django.contrib import admin

from groundswell.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["email", "role", "is_active", "is_staff", "email_confirmed_at", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email"]
    ordering = ["email"]
    raw_id_fields = ["person"]
    fields = [
        "email",
        "person",
        "role",
        "is_active",
        "is_staff",
        "is_superuser",
        "email_confirmed_at",
        "last_login",
        "date_joined",
    ]
    readonly_fields = ["last_login", "date_joined"]
