"""Events URLs: each view module lists its own patterns."""

from groundswell.events.views import checkin, feeds, find, pages

app_name = "events"
urlpatterns = pages.urlpatterns + feeds.urlpatterns + checkin.urlpatterns + find.urlpatterns
