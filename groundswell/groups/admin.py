"""Groups in the admin, for staff: creating groups and fixing areas. Members are managed on the site."""

from django.contrib import admin

from groundswell.groups.models import Group, Membership


class MembershipInline(admin.TabularInline[Membership, Group]):
    model = Membership
    raw_id_fields = ["person"]
    extra = 0


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin[Group]):
    list_display = ["name", "kind", "is_active", "created_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts"]
    raw_id_fields = ["constituencies"]
    inlines = [MembershipInline]
