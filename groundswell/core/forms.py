"""How every form field renders: wrapped in a div.field so labels, help and errors sit together with space around."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
