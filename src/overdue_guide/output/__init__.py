"""The checklist as people read it: one localized view (`report`), laid out for a screen,
drawn with rich, exported as JSON, Markdown, HTML or text, in any terminal encoding."""
