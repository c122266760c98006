"""The saved search's own fields (name, description, sharing); its rules are read by searches.rows."""

from typing import Any

from django import forms
from django.db.models import Q

from groundswell.groups.models import Group
from groundswell.people.queries import groups_visible_to
from groundswell.searches.models import SavedSearch


class SearchDetailsForm(forms.Form):
    name = forms.CharField(max_length=200)
    description = forms.CharField(max_length=300, required=False)
    group = forms.ModelChoiceField(
        Group.objects.none(),
        required=False,
        label="Share with the organisers of",
        empty_label="Nobody (only me)",
        help_text="They can use and edit it; each of them sees only the people they may see.",
    )

    def __init__(self, *args: Any, user: Any, search: SavedSearch | None = None, **kw: Any):
        super().__init__(*args, **kw)
        groups = Q(pk__in=groups_visible_to(user).values("pk"))
        if search is not None and search.group_id is not None:
            groups |= Q(pk=search.group_id)  # keep a sharing someone else chose
        self.fields["group"].queryset = Group.objects.filter(groups).only("id", "name")  # type: ignore[attr-defined]

    @classmethod
    def for_search(cls, user: Any, search: SavedSearch | None) -> "SearchDetailsForm":
        initial: dict[str, Any] = {}
        if search is not None:
            initial = {"name": search.name, "description": search.description}
            initial["group"] = search.group_id
        return cls(initial=initial, user=user, search=search)
