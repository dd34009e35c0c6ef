"""PyYAML is imported without compiling its reader's NON_PRINTABLE pattern (base/yamlimport.py),
and nothing reads differently for it."""

from __future__ import annotations

import subprocess
import sys

import yaml

from overdue_guide.base import yamlimport, yamlsafe
from overdue_guide.base.yamlimport import READER_PATTERN, Deferred


def in_a_fresh_interpreter(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_the_pattern_deferred_is_exactly_pyyamls_reader_pattern() -> None:
    # If PyYAML changes its pattern, the deferral silently stops applying: this says so.
    assert yaml.reader.Reader.NON_PRINTABLE.pattern == READER_PATTERN


def test_importing_yamlsafe_leaves_the_reader_pattern_uncompiled_and_re_compile_as_it_was() -> None:
    found = in_a_fresh_interpreter(
        "import re; compile_before = re.compile\n"
        "import overdue_guide.base.yamlsafe, yaml\n"
        "print(type(yaml.reader.Reader.NON_PRINTABLE).__name__, re.compile is compile_before)"
    )
    assert found == "Deferred True"


def test_only_that_one_pattern_is_deferred_while_yaml_is_imported() -> None:
    found = in_a_fresh_interpreter(
        "import re\n"
        "import overdue_guide.base.yamlsafe, yaml\n"
        "print(type(yaml.resolver.Resolver.yaml_implicit_resolvers['~'][0][1]).__name__)"
    )
    assert found == "Pattern"


def test_a_deferred_pattern_finds_what_the_compiled_one_finds() -> None:
    deferred = Deferred(READER_PATTERN)
    match = deferred.search("ok\x07then\x1b")
    assert match is not None
    assert (match.start(), match.group()) == (2, "\x07")
    assert deferred.search("中文 text\tand\n lines") is None
    assert deferred.pattern == READER_PATTERN


def test_pyyamls_pure_python_reader_still_refuses_a_control_character() -> None:
    found = in_a_fresh_interpreter(
        "import overdue_guide.base.yamlsafe, yaml\n"
        "try:\n"
        "    yaml.load('a: b\\x07', Loader=yaml.SafeLoader)\n"
        "except yaml.reader.ReaderError as e:\n"
        "    print(hex(e.character), e.position)"
    )
    assert found == "0x7 4"


def test_within_the_import_other_patterns_are_compiled_at_once() -> None:
    import re

    with yamlimport.reader_pattern_deferred():
        other = re.compile("[a-z]+")
        deferred = re.compile(READER_PATTERN)
    assert isinstance(other, re.Pattern)
    assert isinstance(deferred, Deferred)
    assert isinstance(re.compile(READER_PATTERN), re.Pattern)


def test_libyaml_refuses_a_control_character_at_its_place_as_before() -> None:
    problem = None
    try:
        yamlsafe.parse("a: b\n c: \x07\n", "answers.yaml")
    except yamlsafe.YamlProblem as refused:
        problem = refused.finding
    assert problem is not None
    assert (problem.line, problem.col, problem.message) == (
        2,
        5,
        "U+0007 is a control character, not allowed in YAML",
    )
