"""The `workbench` command line: a thin client of the core."""
