"""Everything in a flows folder at once: each data file with its own checker, the cached
`flows check`, and the compiled form the wheel carries."""
