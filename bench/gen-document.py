#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a generated budget performance document with the example's Part 1
and N projects.

Usage: gen-document.py EXAMPLE.json N OUT.json [--varied]

By default the projects are the example's own, repeated with new codes and
names: a department of N ordinary projects, as the benchmark compares with
LibreOffice. With --varied they are hard cases instead: 0 to 12
checkpoints, up to 60 indicators, long texts and long names."""
import json
import sys

LEVELS = [("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
          ("效益指标", ["社会效益指标", "经济效益指标"]),
          ("满意度指标", ["服务对象满意度指标"])]
SENTENCE = "围绕中心工作，深入开展调查研究，广泛听取各方意见，切实提高履职质量和工作实效。"


def project(i):
    n_check = [4, 0, 12, 4, 6, 2, 4][i % 7]
    n_ind = [6, 8, 60, 6, 12, 3, 9][i % 7]
    long_name = i % 7 == 4
    name = (f"第{i + 1}号预算项目" + ("（含信息化建设、设备购置、运行维护及人员培训等多个子项目）" if long_name else ""))
    indicators = []
    for k in range(n_ind):
        l1, l2s = LEVELS[(k * 3 // max(n_ind, 1)) % 3]
        indicators.append({
            "level1": l1, "level2": l2s[k % len(l2s)],
            "name": f"指标{i + 1}-{k + 1}完成情况",
            "description": SENTENCE * (6 if k % 11 == 5 else 1),
            "value": f"≥{90 + k % 10}%",
            "basis": "依据年度工作计划和相关政策标准",
        })
    return {
        "code": f"13028124P{i:012d}",
        "name": name,
        "funds": {"fiscal": 10 + i % 90 + 0.25, "other": (i % 3) * 1.5},
        "usage": SENTENCE * (12 if i % 7 == 3 else 1),
        "spending_plan": [{"month": m, "percent": round(100 * (j + 1) / n_check)}
                          for j, m in enumerate(range(12 - n_check + 1, 13))] if n_check else [],
        "goals": [SENTENCE, "完成年度工作任务。"],
        "overview": {"description": SENTENCE, "goal": "完成年度工作任务。",
                     "indicator_summary": "工作完成率≥95%。"},
        "indicators": indicators,
    }


def like_example(projects, i):
    p = json.loads(json.dumps(projects[i % len(projects)]))
    p["code"] = f"13028124P{i:012d}"
    p["name"] = f"{p['name']}（第{i + 1}项）"
    return p


def main():
    example, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(example, encoding="utf-8") as f:
        doc = json.load(f)
    if "--varied" in sys.argv[4:]:
        doc["projects"] = [project(i) for i in range(count)]
    else:
        doc["projects"] = [like_example(doc["projects"], i) for i in range(count)]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


main()
