"""Reading a document's versions, shared by actions and queries: the latest, or a numbered one."""

from groundswell.constitution.models import Document, Version


def current_version(document: Document) -> Version:
    version = document.versions.order_by("-number").first()
    if version is None:  # create_document always writes version 1
        raise Version.DoesNotExist(f"Document {document.pk} has no version.")
    return version
