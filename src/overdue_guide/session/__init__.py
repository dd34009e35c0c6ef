"""One run from start to output, where the wings meet: a scripted or interactive run, the
menu after the checklist, and saved progress."""
