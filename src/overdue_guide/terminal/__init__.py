"""Asking in a terminal: questionary prompts, numbered lines for dumb terminals, and the
signals that end a prompt."""
