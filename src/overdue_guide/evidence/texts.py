"""The evidence log's own words in zh-CN and en: an `i18n.Table`, zh-TW converted.

Kept apart from `base/words.py` so the log's vocabulary (field names, codes,
the honesty notes of the export) lives with the log. `flag_labels` is the one way a
flag is worded for a person (list, show, add, the exports, the letters), so these
can never differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..base.i18n import Table
from .problemtexts import PROBLEMS

WORDS = Table(
    {
        **PROBLEMS,
        # fields
        "at": {"zh-CN": "时间", "en": "When"},
        "zone": {"zh-CN": "时区", "en": "Time zone"},
        "duration_s": {"zh-CN": "时长（秒）", "en": "Duration (s)"},
        "channel": {"zh-CN": "方式", "en": "Channel"},
        "direction": {"zh-CN": "谁联系谁", "en": "Direction"},
        "number": {"zh-CN": "号码或账号", "en": "Number or account"},
        "org": {"zh-CN": "自称的机构", "en": "Institution claimed"},
        "name": {"zh-CN": "自称姓名", "en": "Name given"},
        "staff_id": {"zh-CN": "工号", "en": "Staff number (工号)"},
        "identified": {"zh-CN": "说明代表哪家机构", "en": "Said whom they act for"},
        "said": {"zh-CN": "原话", "en": "Words quoted"},
        "threats": {"zh-CN": "威胁", "en": "Threats"},
        "impersonated": {"zh-CN": "冒充", "en": "Posed as"},
        "amount": {"zh-CN": "说的金额", "en": "Amount claimed"},
        "personal_account": {"zh-CN": "要求转到个人账户", "en": "Asked to pay a personal account"},
        "third_parties": {"zh-CN": "联系了谁、说了什么", "en": "Others contacted, and told"},
        "people": {"zh-CN": "来了几个人", "en": "People at the door"},
        "id_shown": {"zh-CN": "出示证件", "en": "ID shown"},
        "authorization_shown": {"zh-CN": "出示书面授权", "en": "Written authorization shown"},
        "entry_attempted": {"zh-CN": "试图进门", "en": "Tried to come in"},
        "attachments": {"zh-CN": "附件", "en": "Attachments"},
        "witnesses": {"zh-CN": "证人", "en": "Witnesses"},
        "flags": {"zh-CN": "可能违反的规则", "en": "Rules possibly broken"},
        "what": {"zh-CN": "经过", "en": "What happened"},
        "id": {"zh-CN": "编号", "en": "No."},
        # codes
        "call": {"zh-CN": "电话", "en": "call"},
        "sms": {"zh-CN": "短信", "en": "SMS"},
        "message": {"zh-CN": "微信或 App 消息", "en": "WeChat or app message"},
        "visit": {"zh-CN": "上门", "en": "visit"},
        "letter": {"zh-CN": "信件", "en": "letter"},
        "in": {"zh-CN": "对方联系我", "en": "they contacted me"},
        "out": {"zh-CN": "我联系对方", "en": "I contacted them"},
        "police": {"zh-CN": "警察", "en": "police"},
        "court": {"zh-CN": "法院", "en": "court"},
        "lawyer": {"zh-CN": "律师", "en": "lawyer"},
        "government": {"zh-CN": "政府部门", "en": "government"},
        "violence": {"zh-CN": "暴力", "en": "violence"},
        "detention": {"zh-CN": "说要抓人、拘留", "en": "arrest or detention"},
        "exposure": {"zh-CN": "说要曝光、告诉亲友同事", "en": "exposing you to others"},
        "family": {"zh-CN": "针对家人", "en": "against family"},
        "insult": {"zh-CN": "辱骂", "en": "insults"},
        "other": {"zh-CN": "其他", "en": "other"},
        "yes": {"zh-CN": "是", "en": "yes"},
        "no": {"zh-CN": "否", "en": "no"},
        # flags
        "flag.night_hours": {"zh-CN": "夜间催收", "en": "night hours"},
        "flag.call_frequency": {"zh-CN": "一天电话过多", "en": "too many calls a day"},
        "flag.third_party_disclosure": {"zh-CN": "向他人透露", "en": "told a third party"},
        "flag.no_institution": {"zh-CN": "不说明机构", "en": "institution not named"},
        "flag.impersonation": {"zh-CN": "冒充公职", "en": "posed as an official"},
        "flag.threat": {"zh-CN": "威胁", "en": "threatened"},
        "flag.personal_account": {"zh-CN": "要求转到个人账户", "en": "pay to a personal account"},
        # the export
        "title": {"zh-CN": "催收记录", "en": "Collection contact log"},
        "made": {"zh-CN": "生成于 {when}，共 {n} 条", "en": "Made {when}; {n} entries"},
        "timeline": {"zh-CN": "时间顺序", "en": "In time order"},
        "per_day": {"zh-CN": "每天几次", "en": "Contacts per day"},
        "per_number": {"zh-CN": "每个号码几次", "en": "Contacts per number"},
        "day": {"zh-CN": "日期", "en": "Day"},
        "count": {"zh-CN": "次数", "en": "Count"},
        "rules_cited": {"zh-CN": "引用的规则", "en": "Rules cited"},
        "hash": {"zh-CN": "SHA-256", "en": "SHA-256"},
        "size": {"zh-CN": "大小（字节）", "en": "Size (bytes)"},
        "mtime": {"zh-CN": "修改时间（UTC）", "en": "Modified (UTC)"},
        "entered": {"zh-CN": "录入于", "en": "Entered"},
        "edited": {"zh-CN": "修改于", "en": "edited"},
        "no_entries": {"zh-CN": "记录是空的。", "en": "The log is empty."},
        # the commands
        "added": {"zh-CN": "已记下第 {id} 条：{when}", "en": "logged entry {id}: {when}"},
        "updated": {"zh-CN": "已修改第 {id} 条", "en": "changed entry {id}"},
        "deleted": {
            "zh-CN": "已删除第 {id} 条（附件文件本身没有动）",
            "en": "deleted entry {id} (the attached files themselves were not touched)",
        },
        "flagged": {"zh-CN": "  可能违反：", "en": "  possibly broke:"},
        "no_log": {
            "zh-CN": "还没有记录。用 overdue-guide log add 记下第一条。",
            "en": "no entries yet; log the first with: overdue-guide log add",
        },
        "no_entry": {"zh-CN": "没有第 {id} 条记录", "en": "no entry {id} in the log"},
        "verify_ok": {
            "zh-CN": "{n} 个附件都在，内容没有变。",
            "en": "all {n} attachments are present and unchanged",
        },
        "verify_none": {"zh-CN": "记录里没有附件。", "en": "no attachments in the log"},
        "verify_changed": {
            "zh-CN": "第 {id} 条的附件变了：{path}（{detail}）",
            "en": "entry {id}: attachment changed: {path} ({detail})",
        },
        "verify_missing": {
            "zh-CN": "第 {id} 条的附件找不到了：{path}（{detail}）",
            "en": "entry {id}: attachment missing: {path} ({detail})",
        },
        "verify_not_a_file": {"zh-CN": "已经不是普通文件了", "en": "no longer a file"},
        "verify_not_found": {"zh-CN": "找不到了", "en": "not found"},
        "verify_unreadable": {"zh-CN": "读不了：{error}", "en": "cannot be read: {error}"},
        "verify_now": {
            "zh-CN": "现在的 SHA-256 是 {digest}，大小 {size}（原来是 {was}）",
            "en": "SHA-256 now {digest}, size {size} (was {was})",
        },
        "forgotten": {"zh-CN": "已删除 {path}", "en": "deleted {path}"},
        "nothing_to_forget": {"zh-CN": "没有记录可删除。", "en": "no evidence log to delete"},
        "confirm_delete": {
            "zh-CN": "确定删除第 {id} 条吗？删除后无法恢复。",
            "en": "Delete entry {id}? It cannot be undone.",
        },
        "confirm_forget": {
            "zh-CN": "确定删除全部 {n} 条记录吗？删除后无法恢复。",
            "en": "Delete the whole log ({n} entries)? It cannot be undone.",
        },
        "kept": {"zh-CN": "没有删除。", "en": "nothing deleted"},
        "no_terminal_confirm": {
            "zh-CN": "这里没法问你确认：确定要删除，请加上 --yes",
            "en": "no terminal to confirm in: add --yes to delete",
        },
        "no_terminal_form": {
            "zh-CN": "这里没法打开表格来填：{instead}",
            "en": "no terminal for the form: {instead}",
        },
        "instead_add": {
            "zh-CN": "请用 --from 文件，或者至少给出 --at 和 --channel",
            "en": "give --from FILE, or at least --at and --channel",
        },
        "instead_edit": {
            "zh-CN": "请把要改的内容写成选项，比如 --said '…'",
            "en": "give the fields to change as options, e.g. --said '…'",
        },
        "verify_failed": {
            "zh-CN": "{checked} 个附件里有 {bad} 个变了或找不到了；请找回原始文件和存放它的设备（R15）",
            "en": "{bad} of {checked} attachments changed or missing; "
            "find the original file and the device it was on (R15)",
        },
        "files_or_options": {
            "zh-CN": "{where}：记录要么写在 --from 文件里，要么写成选项，不能两样都用",
            "en": "{where}: give entries either in --from files or as options, not both",
        },
        "unknown_format": {
            "zh-CN": "看不出 {path} 要什么格式：文件名请以 .md、.html、.csv 或 .json 结尾，或者加上 --format",
            "en": "cannot tell the format of {path}: name it .md, .html, .csv or .json, or give --format",
        },
        "not_a_file": {
            "zh-CN": "不能导出到 {path}：它不是一个普通文件",
            "en": "cannot export to {path}: it is not a regular file",
        },
        "written": {"zh-CN": "已写入 {path}", "en": "wrote {path}"},
        "export_not_utf8": {
            "zh-CN": "这个终端的编码（{encoding}）会改掉导出里引用的原话：请用 --output 文件名（总是 UTF-8），"
            "或者把输出导到文件里",
            "en": "this terminal's encoding ({encoding}) would change the words quoted in the "
            "{format} export: use --output FILE (always UTF-8), or send the output to a file",
        },
        # the form
        "form_title": {
            "zh-CN": "记下一次联系（输入 < 回到上一步，Ctrl-C 退出，不会保存一半）",
            "en": "Log one contact (type < to go back, Ctrl-C to quit: nothing half-saved)",
        },
        "form_at": {"zh-CN": "什么时候？（{zone} 时间）", "en": "When? ({zone} time)"},
        # Not "Enter to skip": a time left as filled in is stored as now, as evidence.
        "form_at_hint": {
            "zh-CN": "（填的是现在；不是现在就改成当时，如 2026-11-20 22:30；< 上一步）",
            "en": "(now is filled in: if it was earlier, type when, e.g. 2026-11-20 22:30; < back)",
        },
        "form_at_hint_entry": {
            "zh-CN": "（填的是这条记录的时间；要改就改成当时，如 2026-11-20 22:30；< 上一步）",
            "en": "(this entry's time is filled in: to change it, type when, e.g. 2026-11-20 22:30; < back)",
        },
        "form_at_hint_given": {
            "zh-CN": "（填的是你刚才写的时间；要改就直接改；< 上一步）",
            "en": "(the time you gave is filled in: type another to change it; < back)",
        },
        "form_text_hint": {
            "zh-CN": "（不知道就直接回车；< 上一步）",
            "en": "(Enter to skip; < to go back)",
        },
        "form_more": {
            # The keys are the list's own hint (a terminal's, or numbered lines' on a dumb one).
            "zh-CN": "还要记下什么？（都不选也可以）",
            "en": "What else to note? (none is fine)",
        },
        "group_who": {
            "zh-CN": "对方是谁（机构、姓名、工号）",
            "en": "Who they said they were (institution, name, staff number)",
        },
        "group_said": {"zh-CN": "对方说的原话", "en": "Their words, quoted"},
        "group_threats": {
            "zh-CN": "威胁，或冒充警察、法院等",
            "en": "Threats, or posing as police, court …",
        },
        "group_money": {
            "zh-CN": "金额，或要求转账到哪里",
            "en": "An amount, or where they asked you to pay",
        },
        "group_others": {
            "zh-CN": "联系了家人、同事等",
            "en": "They contacted family, colleagues …",
        },
        "group_visit": {"zh-CN": "上门的情况", "en": "The visit"},
        "group_files": {"zh-CN": "录音、截图等文件", "en": "Recordings, screenshots, other files"},
        "group_witnesses": {"zh-CN": "在场的证人", "en": "Witnesses present"},
        "form_unknown": {"zh-CN": "不确定", "en": "not sure"},
        "form_third_parties": {
            "zh-CN": "联系了谁、说了什么？（格式：谁: 说了什么；多个用 ; 分开）",
            "en": "Whom did they contact, and what were they told? (who: what; separate with ;)",
        },
        "form_attachments": {
            "zh-CN": "文件路径（多个用 ; 分开；文件不会被移动或修改）",
            "en": "File paths (separate with ;; files are never moved or changed)",
        },
        "form_witnesses": {"zh-CN": "证人（多个用 ; 分开）", "en": "Witnesses (separate with ;)"},
        "form_save": {"zh-CN": "保存这条记录？", "en": "Save this entry?"},
        "form_save_yes": {"zh-CN": "保存", "en": "Save"},
        "form_save_no": {"zh-CN": "不保存，退出", "en": "Do not save; quit"},
        "form_not_saved": {"zh-CN": "没有保存。", "en": "not saved"},
        "form_bad_number": {"zh-CN": "请输入整数", "en": "give a whole number"},
        "honest_own": {
            "zh-CN": "这是我自己记下的经过。它要有原始证据支持：录音、截图、照片的原始文件，"
            "以及存放它们的手机或设备，都要保留好（R15）。剪辑过的录音、或只有一份孤立的录音，"
            "可能不能单独证明事实。",
            "en": "This is my own account of what happened. It needs the originals behind it: "
            "keep the original recordings, screenshots and photos, and the phone or device they are "
            "on (R15). A recording that was cut, or stands alone, may not prove a fact by itself.",
        },
        "honest_recording": {
            "zh-CN": "自己参加的通话或上门，自己录音一般可以作为证据；偷录别人（比如在别人家里装窃听）不行（R15）。",
            "en": "Recording a call or visit you take part in is generally accepted as evidence; "
            "secretly recording others (for example bugging someone's home) is not (R15).",
        },
        "honest_private": {
            "zh-CN": "不要把录音、截图或任何人的个人信息发到网上。只交给处理投诉或报警的机构。",
            "en": "Do not post recordings, screenshots or anyone's personal data online. Give them "
            "only to the body that handles the complaint or the police report.",
        },
        "honest_flags": {
            "zh-CN": "“可能违反的规则”是按公开规则自动对照的提示，不是法律结论。以上是一般信息，不是法律意见。",
            "en": "“Rules possibly broken” are pointers checked automatically against published rules, "
            "not legal findings. This is general information, not legal advice.",
        },
    }
)

HONESTY: tuple[str, ...] = ("honest_own", "honest_recording", "honest_private", "honest_flags")


def say(key: str, lang: str, **values: object) -> str:
    """The log's text `key` in `lang` (zh-TW converted from zh-CN)."""
    return WORDS.say(key, lang, **values)


def flag_label(code: str, references: Sequence[str], lang: str) -> str:
    """One flag as a person reads it: the rule in words, then its code and the references
    that raised it, e.g. `夜间催收 (night_hours, R04)`. Half-width brackets keep it narrow
    on a small screen; a code without words (a newer rules file) is shown as it is."""
    words = say("flag." + code, lang) if "flag." + code in WORDS else code
    return f"{words} ({', '.join((code, *references))})"


def flag_labels(flags: Iterable[tuple[str, str]], lang: str) -> list[str]:
    """(code, reference) pairs as `flag_label`s: each code once, in the order first met,
    with every reference that raised it (`冒充公职 (impersonation, R02, R11)`)."""
    return [flag_label(code, found, lang) for code, found in by_code(flags).items()]


def by_code(flags: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(code, reference) pairs grouped: each code once, in the order first met, with every
    reference that raised it."""
    references: dict[str, list[str]] = {}
    for code, reference in flags:
        references.setdefault(code, []).append(reference)
    return references


def all_keys() -> Mapping[str, Mapping[str, str]]:
    """Every text, for the test that none lacks a language."""
    return WORDS.entries
