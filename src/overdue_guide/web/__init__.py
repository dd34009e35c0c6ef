"""The guide as one offline web page: `build` writes it from the flows.

`flowdata` exports the compiled flow as JSON (structure, conditions as data, texts
in every language, sources numbered as `report` numbers them), `draftdata` the
scripts and letters, `feedata` the fee check's lines, `words` the page's own
words; `assets/` holds the page's template, style and scripts, which interpret
that JSON in the browser exactly as the Python engine does.
"""
