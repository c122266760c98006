"""`{% static_url %}` and `{% fixed_url %}`: Django's `{% static %}` and `{% url %}` for what cannot change while a
process runs (a static file's URL, a URL without arguments), worked out once per process.

Every page's header and the busiest public pages (the finder, event search) name a dozen of these; working each
out again costs ~20 µs, a tenth of the whole finder page."""

from functools import cache

from django import template
from django.templatetags.static import static
from django.urls import reverse

register = template.Library()


@register.simple_tag
@cache
def static_url(path: str) -> str:
    return static(path)


@register.simple_tag
@cache
def fixed_url(name: str) -> str:
    return reverse(name)
