"""The house in wings: imports run one way, from the top of the package down.

Every import counts, at module level, inside a function or under TYPE_CHECKING: a
function-level import that only hides a circle is still a circle.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "overdue_guide"

#: The wings, lowest first. A module may import its own wing and any wing of a lower
#: layer; wings that share a layer are peers and never import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("", "errors", "base"),  # the package itself (its version), typed errors, small shared needs
    ("flow",),
    ("interview",),
    ("output",),
    ("terminal",),
    ("evidence", "fees"),
    ("drafts",),
    ("content",),
    ("session", "web"),
    ("cli",),
    ("entry",),
    ("__main__",),
)

#: At most this many modules at the top of the package (the wings are packages).
TOP_LIMIT = 12
#: A module past this many lines is asking to be split.
LINE_LIMIT = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in SOURCE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The package's own modules that `name` imports, anywhere in its text."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules() else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {target for target in found if target in modules() and target != name}


def wing(name: str) -> str:
    """The wing of a module: the first name under the package ('' for the package)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer(name: str) -> int:
    return next(n for n, wings in enumerate(LAYERS) if wing(name) in wings)


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    graph = {name: imports_of(name) for name in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_every_wing_has_a_layer() -> None:
    known = {w for wings in LAYERS for w in wings}
    assert {wing(name) for name in modules()} <= known


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    assert cycles() == []


def test_no_module_imports_a_higher_wing_or_a_peer_wing() -> None:
    upward = sorted(
        f"{name} -> {target}"
        for name in modules()
        for target in imports_of(name)
        if wing(target) != wing(name)
        and layer(target) >= layer(name)
        and not (layer(target) == layer(name) == 0)
    )
    assert upward == []


def test_the_top_of_the_package_holds_at_most_a_dozen_modules() -> None:
    top = sorted(path.name for path in SOURCE.glob("*.py"))
    assert len(top) <= TOP_LIMIT, top


def test_no_module_runs_past_the_line_limit() -> None:
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text("utf-8").splitlines())) > LINE_LIMIT
    }
    assert long == {}


def test_the_import_reader_sees_function_level_imports() -> None:
    """The walk above would pass vacuously if it missed imports inside functions."""
    assert "overdue_guide.terminal.prompts" in imports_of("overdue_guide.session.run")


def test_the_readme_names_every_wing_and_every_module_in_it() -> None:
    readme = (SOURCE.parents[1] / "README.md").read_text("utf-8")
    rows = {
        row.split("`")[1]: row
        for row in readme.split("## For developers")[1].splitlines()
        if row.startswith("| `")
    }
    missing = []
    for name, path in modules().items():
        if path.name in ("__init__.py", "__main__.py"):
            continue
        if path.parent == SOURCE:
            found = path.name in rows
        else:
            found = f"`{path.stem}`" in rows.get(f"{path.parent.name}/", "")
        if not found:
            missing.append(name)
    assert missing == []
