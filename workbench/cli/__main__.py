"""`python -m workbench.cli`: the same command as `workbench`."""

from workbench.cli.main import main

if __name__ == "__main__":
    main()
