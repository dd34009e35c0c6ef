"""Build hook: put the compiled form of the shipped flows into the wheel (see
src/overdue_guide/flow/compiled.py). Editable installs read the YAML directly."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledFlows(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from overdue_guide.content.build import compile_folder
            from overdue_guide.fees import lines
            from overdue_guide.flow.compiled import FILE_NAME

            target = Path(tempfile.mkdtemp()) / FILE_NAME
            compile_folder(Path(self.root) / "flows", target)
            fee_lines = target.with_name(lines.COMPILED_NAME)
            lines.compile_lines(Path(self.root) / "flows" / lines.FILE_NAME, fee_lines)
        finally:
            sys.path.pop(0)
        build_data["force_include"][str(target)] = f"overdue_guide/flows/{FILE_NAME}"
        build_data["force_include"][str(fee_lines)] = f"overdue_guide/flows/{lines.COMPILED_NAME}"
