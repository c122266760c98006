"""Everything a dry run or an import of one job needs, built from the job and today's database."""

from dataclasses import dataclass

from django.utils import timezone

from groundswell.people.importing.mapping import make_plan
from groundswell.people.importing.pipeline import Pipeline
from groundswell.people.importing.scope import ImportScope
from groundswell.people.importing.tagbook import TagBook
from groundswell.people.importing.validation import CustomSpec, RowValidator
from groundswell.people.models import CustomField, ImportJob, Tag


@dataclass
class Prepared:
    pipeline: Pipeline
    tags: TagBook
    scope: ImportScope


def prepare(job: ImportJob) -> Prepared:
    custom = {
        f.key: CustomSpec(f.kind, list(f.choices or []), f.label) for f in CustomField.objects.all()
    }
    plan = make_plan(job.mapping.get("columns", []), job.headers, set(custom))
    tags = TagBook(Tag.objects.values_list("name", flat=True), bool(job.options.get("create_tags")))
    validator = RowValidator(
        plan, job.headers, tags, custom, timezone.localdate(), f"import: {job.original_name}"
    )
    scope = ImportScope(job.created_by)
    postcode = plan.first("postal_code")
    header = job.headers[postcode] if postcode is not None else "Postcode"
    return Prepared(Pipeline(validator, scope, header), tags, scope)
