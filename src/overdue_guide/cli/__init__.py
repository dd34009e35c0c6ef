"""The command line: typer commands, one library call each; `log` and `fees` are built on
their own so that running them loads nothing else."""
