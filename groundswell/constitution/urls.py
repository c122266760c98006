"""Constitution URLs."""

from django.urls import URLPattern, URLResolver, path

from groundswell.constitution.views import members, organisers

app_name = "constitution"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", members.document_list, name="list"),
    path("new/", organisers.new_document, name="new"),
    path("<int:pk>/", members.document_page, name="document"),
    path("<int:pk>/organise/", organisers.organise, name="organise"),
    path("<int:pk>/apply/", organisers.apply, name="apply"),
    path("<int:pk>/window/", organisers.open_window, name="window"),
    path("clauses/<int:clause_pk>/propose/", members.propose, name="propose"),
    path("clauses/<int:pk>/", members.clause_history, name="history"),
    path("amendments/<int:pk>/", members.amendment_page, name="amendment"),
    path("amendments/<int:pk>/second/", members.second, name="second"),
]
