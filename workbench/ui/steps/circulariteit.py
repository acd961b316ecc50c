"""Step: Circulariteit (strategy section)."""

from workbench.ui import section_form

section_form.render("circulariteit")
