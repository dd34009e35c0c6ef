"""The interview as pure logic: the engine (answers → next question or checklist), answers
files, and the question loop with the asking passed in."""
