"""Small shared needs every wing may import: safe file reading, safe YAML, visible text,
the languages and the program's own words. Nothing here knows about flows or terminals."""
