"""The flow format: the model, reading YAML into it with located findings, the checker,
the conditions' meaning, finding a flow by name, the compiled form, schema and graph."""
