"""Thin views over events.queries and events.actions, one module per area (each has its urlpatterns)."""
