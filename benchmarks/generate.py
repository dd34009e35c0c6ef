"""Write large, valid flows for the benchmarks: a chain of questions with branches,
items, rules and conditions, so every part of the checker has work to do.

    python benchmarks/generate.py 10000 /tmp/flows10k   # writes flow.yaml and sources.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCES = """documents:
  - file: doc.txt
    title: A generated document
references:
  - id: R1
    cite: A generated law, article 1
    confidence: H
    summary: {zh-CN: 生成的法律, en: A generated law}
"""


def flow_text(nodes: int) -> str:
    """A flow of `nodes` nodes: half questions, half items; valid, with no findings."""
    questions = max(2, nodes // 2)
    out = [
        "format: 1",
        f"flow: generated_{nodes}",
        "title: {zh-CN: 生成的流程, en: A generated flow}",
        "start: q0",
        "questions:",
    ]
    for n in range(questions):
        after = f"q{n + 1}" if n + 1 < questions else "end"
        # every tenth question is a gate no branch skips, so conditions may test it
        skip = f"q{n + 2}" if n + 2 < questions and (n + 1) % 10 else after
        out += [
            f"  - id: q{n}",
            f"    prompt: {{zh-CN: 第{n}个问题, en: Question {n}}}",
            "    options:",
            f"      - {{code: a, label: {{zh-CN: 甲, en: A}}, items: [i{n}]}}",
            f"      - {{code: b, label: {{zh-CN: 乙, en: B}}, next: {skip}}}",
        ]
        if n % 10 == 5:
            out += [
                "    next:",
                f"      - {{when: {{question: q{n - 5}, is: a}}, goto: {after}}}",
                f"      - {{goto: {after}}}",
            ]
        else:
            out.append(f"    next: {after}")
    out.append("rules:")
    for n in range(0, questions, 50):
        out += [
            f"  - when: {{any: [{{question: q{n}, is: b}}, {{answered: q{n}}}]}}",
            f"    items: [i{n}]",
        ]
    out.append("items:")
    for n in range(questions):
        out += [
            f"  - id: i{n}",
            "    urgency: " + ("now", "today", "this_week", "later")[n % 4],
            f"    text: {{zh-CN: 第{n}件事, en: Thing {n}}}",
            "    detail: {zh-CN: 因为这样做有用。, en: Because it helps.}",
            "    sources:",
            "      - {reference: R1}",
            "      - {document: doc.txt, quote: 这是一份生成的文档}",
        ]
    return "\n".join(out) + "\n"


def write_flow(nodes: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "doc.txt").write_text("这是一份生成的文档，供基准测试使用。\n", encoding="utf-8")
    path = folder / "flow.yaml"
    path.write_text(flow_text(nodes), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_flow(int(sys.argv[1]), Path(sys.argv[2])))
