"""Step: Sociale economie (strategy section)."""

from workbench.ui import section_form

section_form.render("sociale_economie")
