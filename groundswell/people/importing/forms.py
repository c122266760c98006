"""The import's two forms: the upload (with the group the people join) and the column mapping."""

from typing import Any

from django import forms

from groundswell.core.access import sees_everyone
from groundswell.groups.models import Group
from groundswell.people.importing.fields import choices
from groundswell.people.importing.queries import groups_to_import_into
from groundswell.people.models import ImportJob


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Comma, semicolon or tab separated; UTF-8 or Windows-1252. One person per row, "
        "with a first row naming the columns.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )
    group = forms.ModelChoiceField(queryset=Group.objects.none(), label="Add everyone to the group")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = groups_to_import_into(user)
        group.empty_label = "Choose one of your groups"
        if sees_everyone(user):
            group.required = False
            group.empty_label = "No group: a national import"
            group.label = "Add everyone to a group (optional)"


class MappingForm(forms.Form):
    create_tags = forms.BooleanField(
        required=False,
        label="Create new tags",
        help_text="Without this, a row with a tag nobody has used yet is reported as a problem.",
    )

    def __init__(
        self,
        *args: Any,
        job: ImportJob,
        custom_fields: list[tuple[str, str]],
        samples: list[list[str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        options = choices(custom_fields)
        guessed = job.mapping.get("columns", [])
        for index, header in enumerate(job.headers):
            examples = [row[index] for row in samples if index < len(row) and row[index].strip()]
            self.fields[f"column_{index}"] = forms.ChoiceField(
                choices=options,
                required=False,
                label=header or f"Column {index + 1}",
                initial=guessed[index] if index < len(guessed) else "",
                help_text="e.g. " + ", ".join(e[:30] for e in examples)
                if examples
                else "(empty in the first rows)",
            )
        self.fields["create_tags"].initial = bool(job.options.get("create_tags"))
        self.order_fields([*(f"column_{i}" for i in range(len(job.headers))), "create_tags"])

    def columns(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{i}") or "" for i in range(len(self.fields) - 1)]

    def column_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("column_")]
