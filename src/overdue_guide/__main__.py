"""`python -m overdue_guide` runs the command line."""

from .entry import main

main()
