"""Whose records an import may change: national roles anyone's; a group organiser only people in
the groups they organise (a match outside them is left alone and only counted, never listed, so an
import cannot reveal or alter records its importer may not see)."""

from typing import Any

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Membership


class ImportScope:
    def __init__(self, user: Any) -> None:
        self.everyone = sees_everyone(user)
        self.group_ids = set() if self.everyone else set(organised_group_ids(user))

    def may_import_into(self, group_id: int | None) -> bool:
        return self.everyone or group_id in self.group_ids

    def outside(self, person_ids: set[int]) -> set[int]:
        """The people among these that the importer may not change."""
        if self.everyone or not person_ids:
            return set()
        inside = Membership.objects.filter(
            person_id__in=person_ids, group_id__in=self.group_ids
        ).values_list("person_id", flat=True)
        return person_ids - set(inside)
