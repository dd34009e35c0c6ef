"""`python -m overdue_guide` runs the command line."""

from .cli import main

main()
