"""Django admin for people records, tags, custom fields and the import/export audit trail.

Tuned for a million rows: no full-count queries, no loading of constituency boundaries, raw id inputs.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from groundswell.people.models import (
    CustomField,
    EmailAddress,
    ExportRecord,
    ImportJob,
    Note,
    Person,
    PhoneNumber,
    Tag,
)


class EmailInline(admin.TabularInline[EmailAddress, Person]):
    model = EmailAddress
    extra = 0


class PhoneInline(admin.TabularInline[PhoneNumber, Person]):
    model = PhoneNumber
    extra = 0


class NoteInline(admin.TabularInline[Note, Person]):
    model = Note
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["__str__", "postal_code", "membership_status", "created_at"]
    list_filter = ["membership_status"]
    search_fields = ["family_name", "given_name", "=emails__address"]
    raw_id_fields = ["constituency"]
    filter_horizontal = ["tags"]
    inlines = [EmailInline, PhoneInline, NoteInline]
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Person]:
        return super().get_queryset(request).defer("constituency__boundary")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ["name", "description", "created_at"]
    search_fields = ["name"]


@admin.register(CustomField)
class CustomFieldAdmin(admin.ModelAdmin[CustomField]):
    list_display = ["label", "key", "kind"]


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """An audit record: seen in the admin, never changed there."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ExportRecord)
class ExportRecordAdmin(ReadOnlyAdmin):
    list_display = ["at", "exported_by", "row_count"]
    list_select_related = ["exported_by"]


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "original_name", "status", "total_rows", "created_by"]
    list_filter = ["status"]
    list_select_related = ["created_by"]
