from django.contrib import admin

from groundswell.events.models import Attendance, Event, Shift


class ShiftInline(admin.TabularInline[Shift, Event]):
    model = Shift
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin[Event]):
    list_display = ["title", "kind", "status", "approval", "visibility", "host_group"]
    list_filter = ["kind", "status", "approval", "visibility"]
    search_fields = ["title", "name", "postal_code"]
    raw_id_fields = ["host_group", "proposed_by", "constituency"]
    inlines = [ShiftInline]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin[Attendance]):
    list_display = ["person", "shift", "status", "attended", "action_date"]
    list_filter = ["status", "attended"]
    raw_id_fields = ["shift", "person"]
