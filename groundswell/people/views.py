"""The people list, its CSV export, and the definitions of custom fields."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from groundswell.core.access import personal_data_view, sees_everyone
from groundswell.people.actions import define_custom_field, record_export
from groundswell.people.exporting import csv_lines, export_rows
from groundswell.people.forms import CustomFieldDefinitionForm, PeopleFilterForm
from groundswell.people.models import CustomField
from groundswell.people.queries import filter_people, list_people, people_visible_to


@personal_data_view
@require_http_methods(["GET"])
def people_list(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET, user=request.user)
    listing = None
    if form.is_valid():
        listing = list_people(
            request.user,
            form.cleaned_data,
            size=form.cleaned_data["per_page"],
            after=request.GET.get("after"),
            before=request.GET.get("before"),
        )
    template = "people/list.html#results" if request.htmx else "people/list.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "listing": listing})


@personal_data_view  # type: ignore[arg-type]  # it is typed for HttpResponse, not streams
@require_http_methods(["GET", "POST"])
def export_people(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """GET asks "export these N people?"; POST streams the CSV and records the export."""
    data = request.POST if request.method == "POST" else request.GET
    form = PeopleFilterForm(data, user=request.user)
    if not form.is_valid():
        return render(request, "people/export_confirm.html", {"form": form}, status=400)
    people = filter_people(people_visible_to(request.user), form.cleaned_data)
    count = people.count()
    if request.method == "GET":
        return render(request, "people/export_confirm.html", {"form": form, "count": count})
    record_export(request.user, count, form.active_filters())
    response = StreamingHttpResponse(
        csv_lines(export_rows(people)), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="people-{stamp}.csv"'
    return response


@personal_data_view
@require_http_methods(["GET", "POST"])
def custom_fields(request: HttpRequest) -> HttpResponse:
    """National organisers define the custom fields every record can carry."""
    if not sees_everyone(request.user):
        raise PermissionDenied("Only the national team defines custom fields.")
    form = CustomFieldDefinitionForm(request.POST or None)
    if form.is_valid():
        try:
            field = define_custom_field(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Custom field “{field.label}” added.")
            return redirect("people:custom_fields")
    context = {"form": form, "fields": CustomField.objects.all()}
    return render(request, "people/custom_fields.html", context, status=400 if form.errors else 200)
