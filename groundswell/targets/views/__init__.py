"""Target pages: the public finder, national coverage, and choosing targets."""

from groundswell.targets.views.coverage import coverage
from groundswell.targets.views.finder import finder
from groundswell.targets.views.manage import add, adopt, edit, manage

__all__ = ["add", "adopt", "coverage", "edit", "finder", "manage"]
