"""The downloadable error file: each row with problems, as uploaded, after its row number and problems.

Written to a temporary file as the rows stream past, then stored on the job. Every cell is made
formula-safe, because the file is meant to be opened, fixed and re-uploaded in a spreadsheet.
"""

import csv
import io
import tempfile

from django.core.files import File

from groundswell.people.exporting import safe_cell
from groundswell.people.importing.pipeline import Rejected
from groundswell.people.models import ImportJob


class ErrorFile:
    def __init__(self, headers: list[str]) -> None:
        self.width = len(headers)
        self.count = 0
        self.raw = tempfile.TemporaryFile()  # noqa: SIM115 - closed in save()
        # UTF-8 with a BOM: how Excel recognises UTF-8, so "Zoë" opens as Zoë.
        self.text = io.TextIOWrapper(self.raw, encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.text)
        self.writer.writerow(["row", "problems", *(safe_cell(h) for h in headers)])

    def add(self, rejected: list[Rejected]) -> None:
        for row in rejected:
            cells = row.cells + [""] * (self.width - len(row.cells))
            problems = safe_cell("; ".join(row.problems))
            self.writer.writerow([row.number, problems, *(safe_cell(c) for c in cells)])
        self.count += len(rejected)

    def save(self, job: ImportJob) -> None:
        """Store the file on the job (replacing an earlier one), or none if no row had problems."""
        if job.error_file:
            job.error_file.delete(save=False)
        self.text.flush()
        if self.count:
            self.raw.seek(0)
            job.error_file.save(f"import-{job.pk}-problems.csv", File(self.raw), save=False)
        self.text.close()
