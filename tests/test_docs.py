"""The documentation says what the program does: every command, the contract, every code."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from overdue_guide.base import places
from overdue_guide.cli import main as cli
from overdue_guide.flow.model import Flow

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
FORMAT_DOC = (ROOT / "docs" / "flow-format.md").read_text("utf-8")
DRAFTS_DOC = (ROOT / "docs" / "drafts-format.md").read_text("utf-8")
SOURCE = ROOT / "src" / "overdue_guide"


def commands() -> list[str]:
    top = [c.name or c.callback.__name__ for c in cli.app.registered_commands if c.callback]
    flows = [f"flows {c.name}" for c in cli.flows_app.registered_commands]
    return top + flows


def test_every_command_is_in_the_readme() -> None:
    for command in commands():
        assert f"`overdue-guide {command}" in README, command


def contract() -> dict[str, list[str]]:
    section = README.split("### Question ids and answer codes of the main flow")[1].split("###")[0]
    found = {}
    for bullet in re.split(r"\n- ", "\n" + section.split("\n\n")[1].strip())[1:]:
        head, _, _ = " ".join(bullet.split()).partition(" —")
        qid, _, codes = head.partition(":")
        found[qid.split("`")[1]] = re.findall(r"`(\w+)`", codes)
    return found


def test_the_readme_contract_is_exactly_the_main_flow(main_flow: Flow) -> None:
    documented = contract()
    assert set(documented) == set(main_flow.questions)
    for qid, codes in documented.items():
        assert codes == list(main_flow.questions[qid].codes), qid


def test_every_finding_code_is_documented() -> None:
    code = re.compile(
        r'"(?:error|warning|note)",\s*"([a-z0-9-]+)"|report\(\s*[\w.\[\]"]+,\s*"([a-z0-9-]+)"'
        r'|Unreadable\(\s*"([a-z0-9-]+)"'
    )
    used = set()
    modules = [p for p in (SOURCE / "flow").glob("*.py") if p.name != "graph.py"]
    for module in [*modules, *(SOURCE / "base").glob("*.py"), SOURCE / "interview" / "engine.py"]:
        for match in code.finditer(module.read_text("utf-8")):
            used.add(match.group(1) or match.group(2) or match.group(3))
    documented = set(
        re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning|note) \|", FORMAT_DOC, re.M)
    )
    assert len(used) > 25
    assert used <= documented, used - documented


EVIDENCE_DOC = (ROOT / "docs" / "evidence-rules.md").read_text("utf-8")


def test_every_log_command_is_in_the_readme() -> None:
    from overdue_guide.cli.log import log_app

    for command in log_app.registered_commands:
        assert f"`overdue-guide log {command.name}" in README, command.name


def test_every_evidence_field_code_and_flag_is_in_the_readme() -> None:
    from overdue_guide.evidence import codes as flag_codes
    from overdue_guide.evidence import model

    section = README.split("### Evidence log")[1].split("\n## ")[0]
    for name in model.FIELDS:
        assert f"`{name}`" in section, name
    for codes in (*model.CODES.values(), flag_codes.FLAG_CODES):
        for code in codes:
            assert f"`{code}`" in section, code


def test_every_finding_code_of_the_rules_file_is_documented() -> None:
    used = set(
        re.findall(r'"(rules-[a-z-]+)"', (SOURCE / "evidence" / "rules.py").read_text("utf-8"))
    )
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| error \|", EVIDENCE_DOC, re.M))
    assert len(used) >= 7
    assert used == documented, used ^ documented
    assert "(docs/evidence-rules.md)" in README


FEE_DOC = (ROOT / "docs" / "fee-lines.md").read_text("utf-8")


def test_every_fee_lines_finding_code_is_documented() -> None:
    code = re.compile(
        r'report\(\s*[^,()]+(?:\[[^\]]*\])?,\s*"([a-z0-9-]+)"|"error",\s*"([a-z0-9-]+)"'
    )
    source = (SOURCE / "fees" / "lines.py").read_text("utf-8")
    used = {m.group(1) or m.group(2) for m in code.finditer(source)}
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning) \|", FEE_DOC, re.M))
    assert {"bad-rate", "bad-date", "unknown-reference", "two-rates"} <= used
    assert used <= documented, used - documented


def fee_section() -> str:
    return README.split("### The fee check")[1].split("## The contract")[0]


def test_every_fees_option_is_in_the_readme() -> None:
    from overdue_guide.cli import fees as fees_cli

    for name in inspect.signature(fees_cli.fees).parameters:
        flag = "--format" if name == "output_format" else "--" + name.replace("_", "-")
        assert f"`{flag}" in fee_section(), flag


def test_every_field_of_the_fee_json_is_in_the_readme() -> None:
    from decimal import Decimal

    from overdue_guide.fees import compute
    from overdue_guide.fees.lines import load_lines
    from overdue_guide.fees.model import FeeInputs, Instalments, Overdue
    from overdue_guide.fees.render import as_json

    inputs = FeeInputs(Decimal(1200), Instalments(12, Decimal(8)), Overdue(3, Decimal("0.05")))
    document = as_json(compute(inputs, load_lines()), "en")
    section = README.split("### Fee check JSON output")[1].split("### Exit codes")[0]
    fields = set(document) | set(document["rates"]) | set(document["overdue"])
    fields |= set(document["lines"][0]) | set(document["repayments"][0]) | set(document["inputs"])
    for field in fields:
        assert f"`{field}`" in section, field


def test_the_documented_size_limits_are_the_codes() -> None:
    from overdue_guide.base import files, yamlsafe

    section = FORMAT_DOC.split("## Safety limits")[1].split("\n## ")[0]
    documented = dict(re.findall(r"^\| ([a-z ]+) \| (\d+ [KM]iB) \|$", section, re.M))
    assert documented == {kind: files.describe(limit) for kind, limit in files.LIMITS.items()}
    assert f"at most {yamlsafe.MAX_NODES:,} YAML" in " ".join(section.split())
    assert f"nested at most {yamlsafe.MAX_DEPTH} levels" in " ".join(section.split())
    assert f"expand to at most {yamlsafe.MAX_ALIAS_NODES:,} nodes" in " ".join(section.split())


def test_every_finding_code_of_the_drafts_checker_is_documented() -> None:
    code = re.compile(
        r'"(?:error|warning)",\s*"([a-z0-9-]+)"|report\(\s*[^,()]+(?:\[[^]]*\])?,\s*"([a-z0-9-]+)"'
    )
    used = set()
    for module in ("loader.py", "checker.py"):
        for match in code.finditer((SOURCE / "drafts" / module).read_text("utf-8")):
            used.add(match.group(1) or match.group(2))
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning) \|", DRAFTS_DOC, re.M))
    documented |= set(re.findall(r"`([a-z0-9-]+)`", DRAFTS_DOC.split("## Finding codes")[1]))
    assert {"bad-field", "unknown-field", "never-holds", "unlinked-draft"} <= used
    assert used <= documented, used - documented


def test_the_readme_names_every_detail_of_the_main_drafts() -> None:
    from overdue_guide.drafts.loader import parse_drafts

    drafts = parse_drafts(places.shipped_dir() / "drafts.yaml")[0]
    assert drafts is not None
    section = README.split("### Details for the scripts and letters")[1].split("\n### ")[0]
    for detail in drafts.details:
        assert f"`{detail}`" in section, detail
    for draft in drafts.drafts:
        assert f"`{draft}`" in section, draft
