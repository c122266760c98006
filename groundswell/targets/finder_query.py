"""The public finder's three parameters (postcode, order, how many), read and checked by hand.

This is the busiest public page on a campaign night. A Django form there cost ~110 µs of a ~1 ms request (a deep
copy of its fields, then validation), more than finding the seats; this reads the same three values with the same
rules and the same messages, and offers the few things the page's template reads of a form."""

from typing import Any

from django.http import QueryDict

from groundswell.geo.queries import LocationError
from groundswell.targets.finder import MOST_NEEDED, NEAREST
from groundswell.targets.placing import volunteer_place

ORDERS = [(NEAREST, "Nearest first"), (MOST_NEEDED, "Where I'm most needed")]
SHOW = (5, 10, 20)
MAX_POSTCODE = 16
NEED_POSTCODE = "Enter your postcode, e.g. SW1A 1AA."
TOO_LONG = "That is too long for a postcode: enter one like SW1A 1AA."
NO_NUL = "Null characters are not allowed."
BAD_ORDER = "Choose 'Nearest first' or 'Where I'm most needed'."
BAD_SHOW = "We can show 5, 10 or 20 seats."


class FinderQuery:
    """`is_valid()` then `cleaned_data` (postcode as tidied, place, order, show), or `errors` by parameter
    with messages fit to show; `suggestion` is a postcode to offer instead of a mistyped one."""

    def __init__(self, data: QueryDict | None) -> None:
        self.is_bound = data is not None
        self.data: QueryDict = data if data is not None else QueryDict()
        self.errors: dict[str, list[str]] = {}
        self.cleaned_data: dict[str, Any] = {}
        self.suggestion: str | None = None
        if self.is_bound:
            self._read()

    def is_valid(self) -> bool:
        return self.is_bound and not self.errors

    def _read(self) -> None:
        self._read_postcode(self.data.get("postcode", "").strip())
        order = self.data.get("order") or NEAREST
        if order not in (NEAREST, MOST_NEEDED):
            self.errors["order"] = [BAD_ORDER]
        show = self.data.get("show") or str(SHOW[0])
        if show not in ("5", "10", "20"):
            self.errors["show"] = [BAD_SHOW]
        if not self.errors:
            self.cleaned_data.update(order=order, show=int(show))

    def _read_postcode(self, text: str) -> None:
        problem = (
            NEED_POSTCODE if not text
            else TOO_LONG if len(text) > MAX_POSTCODE
            else NO_NUL if "\x00" in text
            else None
        )  # fmt: skip
        if problem:
            self.errors["postcode"] = [problem]
            return
        try:
            shown, place = volunteer_place(text)
        except LocationError as exc:
            self.suggestion = exc.suggestion
            self.errors["postcode"] = [str(exc)]
            return
        self.cleaned_data.update(postcode=shown, place=place)
