"""The program's own words for the interview, the checklist and the menu, in zh-CN and en.

Flow text lives in the flows; the fee check's and the log's words live with them
(`fees/words.py`, `evidence/texts.py`). All three are `i18n.Table`s: one shape, one
language fallback (zh-TW converted from zh-CN, a missing language falls back to zh-CN).
"""

from __future__ import annotations

from collections.abc import Mapping

from .i18n import Table

WORDS = Table(
    {
        "urgency.now": {"zh-CN": "马上做", "en": "Right now"},
        "urgency.today": {"zh-CN": "今天做", "en": "Today"},
        "urgency.this_week": {"zh-CN": "这周做", "en": "This week"},
        "urgency.later": {"zh-CN": "之后留意", "en": "Later"},
        "sources": {"zh-CN": "来源", "en": "Sources"},
        "footer": {
            "zh-CN": "以上是一般信息，不是法律意见。遇到危险，马上打 110。",
            "en": "This is general information, not legal advice. If you are in danger, call 110 now.",
        },
        # The same, for the top of a page, before anything it could say "above" of.
        "notice": {
            "zh-CN": "这份清单是一般信息，不是法律意见。遇到危险，马上打 110。",
            "en": "This checklist is general information, not legal advice. If you are in danger, call 110 now.",
        },
        "step": {"zh-CN": "第 {n} 步", "en": "Step {n}"},
        "back": {"zh-CN": "← 上一步", "en": "← Back"},
        "help": {"zh-CN": "？ 这是什么意思", "en": "? What does this mean"},
        "select_hint": {"zh-CN": "（↑↓ 选择，回车确认）", "en": "(↑↓ to move, Enter to choose)"},
        "checkbox_hint": {
            "zh-CN": "（空格选中，回车确认；都没有就直接回车）",
            "en": "(Space to tick, Enter to confirm; none: just press Enter)",
        },
        "quit_hint": {"zh-CN": "随时按 Ctrl-C 退出。", "en": "Press Ctrl-C at any time to quit."},
        "document": {"zh-CN": "文章", "en": "Document"},
        "source_comment": {"zh-CN": "的读者评论", "en": ", a reader comment"},
        "source_corrected": {
            "zh-CN": "（说法有误或过时，清单已更正）",
            "en": " (wrong or dated: corrected above)",
        },
        "source_reported": {"zh-CN": "（据报道）", "en": " (reported)"},
        "none_chosen": {"zh-CN": "都没有", "en": "none"},
        "no_items": {"zh-CN": "这份清单是空的。", "en": "This checklist is empty."},
        "interrupted": {"zh-CN": "已退出。", "en": "Stopped."},
        "save_offer": {"zh-CN": "要把这份清单存成文件吗？", "en": "Save this checklist to a file?"},
        "save_no": {"zh-CN": "不用了", "en": "No, thanks"},
        "save_html": {"zh-CN": "网页（可打印）", "en": "Web page (printable)"},
        "save_markdown": {"zh-CN": "Markdown 文本", "en": "Markdown"},
        "save_text": {"zh-CN": "纯文本", "en": "Plain text"},
        "save_where": {"zh-CN": "存到哪里？", "en": "Save where?"},
        "field_back_hint": {"zh-CN": "（< 上一步）", "en": "(< back)"},
        "file_name": {"zh-CN": "逾期行动清单", "en": "overdue-checklist"},
        "saved": {"zh-CN": "已保存：{path}", "en": "Saved: {path}"},
        "save_replace": {
            "zh-CN": "已经有文件 {path}，要用这份清单替换它吗？",
            "en": "There is already a file {path}. Replace it with this checklist?",
        },
        "save_not_replaced": {
            "zh-CN": "没有保存，{path} 原样留着。要存，请换一个文件名。",
            "en": "Not saved: {path} is left as it was. To save, give another name.",
        },
        "next_steps": {"zh-CN": "接下来做什么？", "en": "What next?"},
        "action_drafts": {
            "zh-CN": "为我的情况准备要说的话和信件",
            "en": "Make the words and letters for my situation",
        },
        "action_log": {
            "zh-CN": "记下一次电话或上门（证据记录）",
            "en": "Log a call or visit (evidence log)",
        },
        "action_fees": {
            "zh-CN": "算一算这笔借款一年实际花多少（费用核算）",
            "en": "Work out what the loan costs a year (fee check)",
        },
        "action_save": {"zh-CN": "把清单存成文件", "en": "Save the checklist to a file"},
        "action_done": {"zh-CN": "完成", "en": "Done"},
        "drafts_choose": {"zh-CN": "要哪些？", "en": "Which ones?"},
        "drafts_heading": {"zh-CN": "要说的话和信件", "en": "Words and letters"},
        "drafts_helps": {"zh-CN": "→ {titles}", "en": "→ {titles}"},
        "drafts_translation": {
            "zh-CN": "供你理解，请说或发送上面的简体中文：",
            "en": "For your understanding — say or send the Chinese above:",
        },
        "drafts_tip": {"zh-CN": "提示：", "en": "Tip: "},
        "detail_hint": {
            "zh-CN": "（不知道或不想填，直接回车，信里会留空让你手写；输入 < 回到上一项）",
            "en": "(Press Enter to leave it blank and write it in by hand; type < to go back)",
        },
        "detail_not_money": {"zh-CN": "请填一个数字，例如 1500", "en": "Enter a number, e.g. 1500"},
        "detail_not_count": {
            "zh-CN": "请填一个整数，例如 12",
            "en": "Enter a whole number, e.g. 12",
        },
        "detail_not_date": {
            "zh-CN": "请填一个真实的日期，例如 2026-03-01",
            "en": "Enter a real date, e.g. 2026-03-01",
        },
        "not_affordable": {
            "zh-CN": "收入交完房租、吃饭、看病这些必要开支，每月只剩约 {left} 元，不够你想还的 {offer} 元。只写你真能做到的数，请重新填（直接回车就留空）。",
            "en": "After rent, food, medical care and other essentials, about {left} yuan of your income is left each month: not enough for the {offer} yuan you offered. Offer only what you can really pay: enter it again (Enter leaves it blank).",
        },
        "nothing_left": {
            "zh-CN": "收入交完房租、吃饭、看病这些必要开支，每月已经不剩钱了，不要许诺每月还 {offer} 元。信会写成请求暂缓还款：这一项直接回车留空。",
            "en": "After rent, food, medical care and other essentials, nothing of your income is left each month, so do not promise {offer} yuan a month. The letter will ask to defer repayment: press Enter to leave this blank.",
        },
        "nothing_left_scripted": {
            "zh-CN": "收入交完必要开支后每月不剩钱，许诺不了每月还 {offer} 元：信里这一项留空，改为请求暂缓还款",
            "en": "nothing is left after essential spending, so no monthly offer of {offer} yuan can be made: left blank, and the letter asks to defer repayment",
        },
        "not_affordable_scripted": {
            "zh-CN": "每月还款 {offer} 元超过收入减去必要开支后剩下的 {left} 元：信里这一项留空",
            "en": "the monthly offer of {offer} yuan is above the {left} yuan left after essential spending: left blank in the letter",
        },
        "lender_decides": {
            "zh-CN": "同不同意分期或延期，由贷款机构决定。",
            "en": "Whether to agree to instalments or a deferral is for the lender to decide.",
        },
        "nothing_saved": {
            "zh-CN": "没有保存过进度。要保存进度，请这样开始：overdue-guide --save",
            "en": "nothing saved to resume; start with: overdue-guide --save",
        },
        "cannot_write": {
            "zh-CN": "无法写入 {path}：{reason}",
            "en": "cannot write {path}: {reason}",
        },
        "no_terminal": {
            "zh-CN": "这里没有能提问的终端：请用 --answers 文件给出答案"
            "（下一个问题“{id}”：{codes}）",
            "en": "no terminal to ask in: give the answers with --answers FILE "
            "(next question '{id}': {codes})",
        },
        "unknown_extension": {
            "zh-CN": "看不出 {path} 要存成什么格式：请以 .md、.html、.json 或 .txt 结尾",
            "en": "cannot tell the format of {path}: name it .md, .html, .json or .txt",
        },
        "set_aside": {
            "zh-CN": "保存的进度 {path} {reason}，已移到 {aside}，没有使用",
            "en": "saved progress {path} is {reason}; moved it to {aside} and did not use it",
        },
        "set_aside_failed": {
            "zh-CN": "保存的进度 {path} {reason}，也无法移开：{error}",
            "en": "saved progress {path} is {reason}, and could not be moved aside: {error}",
        },
        "reason_damaged": {"zh-CN": "已损坏", "en": "damaged"},
        "reason_foreign": {
            "zh-CN": "不是本程序的进度文件",
            "en": "not a progress file of this program",
        },
        "reason_outdated": {"zh-CN": "和现在的问题对不上", "en": "out of date"},
        "plain_single": {
            "zh-CN": "输入编号后回车；直接回车选 *。",
            "en": "Type a number and Enter; Enter alone keeps *.",
        },
        "plain_multi": {
            "zh-CN": "输入一个或几个编号（用空格隔开）后回车；直接回车保留 *（没有 * 就是都不选）。",
            "en": "Type one or more numbers (with spaces) and Enter; Enter alone keeps * (none, if none has *).",
        },
        "plain_help": {"zh-CN": "? 看说明。", "en": "? for help."},
        "plain_review": {
            "zh-CN": "直接回车显示清单；输入编号改那一条；b 回到最后一步。",
            "en": "Enter alone shows the checklist; a number changes that answer; b goes back.",
        },
        "plain_back": {"zh-CN": "< 回到上一步。", "en": "< to go back."},
        "plain_again": {
            "zh-CN": "没有看懂：请输入 1 到 {n} 之间的编号。",
            "en": "Not understood: type a number from 1 to {n}.",
        },
        "reason_not_file": {"zh-CN": "不是普通文件", "en": "not a regular file"},
        "reason_not_a_folder": {
            "zh-CN": "路径里有一段是文件，不是文件夹",
            "en": "Not a directory: a part of the path is a file",
        },
        "reason_name_too_long": {"zh-CN": "文件名太长", "en": "File name too long"},
        "reason_disk_full": {"zh-CN": "磁盘满了", "en": "No space left on the disk"},
        "reason_no_permission": {"zh-CN": "没有权限写这里", "en": "Permission denied"},
        "reason_read_only": {"zh-CN": "这里只能读，不能写", "en": "Read-only file system"},
        "reason_no_such_folder": {
            "zh-CN": "没有这个文件夹，或者不能在这里建文件",
            "en": "No such folder, or no files can be made there",
        },
        "reason_is_a_folder": {"zh-CN": "这是一个文件夹", "en": "Is a directory"},
        "reason_nul": {"zh-CN": "文件名里有空字符（NUL）", "en": "the name holds a NUL character"},
        "reason_own_data": {
            "zh-CN": "这是本程序存放保存的进度和证据记录的文件夹，会把它们覆盖：请存到别处",
            "en": "that is the folder where this program keeps saved progress and the evidence "
            "log, which it could overwrite: save it elsewhere",
        },
        "reason_missing_flow": {
            "zh-CN": "用到的问题清单 {flow} 已经找不到了",
            "en": "for a flow that is no longer there ({flow})",
        },
        "storage_foreign_owner": {
            "zh-CN": "{path} 属于另一个用户，不能信任。请删除它，或设置 XDG_DATA_HOME 换一个文件夹",
            "en": "{path} belongs to another user and cannot be trusted: remove it, "
            "or set XDG_DATA_HOME to another folder",
        },
        "storage_open_folder": {
            "zh-CN": "文件夹 {path} 别的用户也能改，不能信任。请先运行：chmod 700 {path}",
            "en": "other users can write to the folder {path}, so it cannot be trusted: "
            "run chmod 700 {path}",
        },
        "storage_open_file": {
            "zh-CN": "文件 {path} 别的用户也能改，不能信任。如果它是你自己的，请运行：chmod 600 {path}；不是就删掉它",
            "en": "other users can write to {path}, so it cannot be trusted: if it is yours, "
            "run chmod 600 {path}; if not, delete it",
        },
        "storage_open_log": {
            "zh-CN": "文件 {path} 别的用户也能改，不能信任。如果它是你自己的记录，请先运行：chmod 600 {path}",
            "en": "other users can write to {path}, so it cannot be trusted: "
            "if it is your own log, run chmod 600 {path}",
        },
        "storage_log_damaged": {
            "zh-CN": "证据记录 {path} 已损坏（{reason}）；已原样移到 {aside}，什么都没有写入",
            "en": "evidence log {path} is damaged ({reason}); moved it to {aside}, "
            "kept it unchanged, and wrote nothing",
        },
        "storage_log_damaged_stuck": {
            "zh-CN": "证据记录 {path} 已损坏（{reason}），也无法移开：{error}",
            "en": "evidence log {path} is damaged ({reason}) and could not be moved aside: {error}",
        },
        "storage_log_newer": {
            "zh-CN": "证据记录 {path} 的格式是 {version} 版，比这个程序认识的（{known} 版）新："
            "请更新 overdue-guide；文件没有改动",
            "en": "evidence log {path} has schema {version}, newer than this program knows "
            "({known}): update overdue-guide; the file was left as it is",
        },
        "storage_log_cannot_create": {
            "zh-CN": "无法建立证据记录 {path}：{reason}",
            "en": "cannot create the evidence log {path}: {reason}",
        },
        "storage_log_error": {
            "zh-CN": "证据记录 {path}：{reason}",
            "en": "evidence log {path}: {reason}",
        },
        "storage_log_read_only": {
            "zh-CN": "证据记录 {path} 或它旁边的 -wal、-shm 文件只能读，不能写。请先运行：chmod 600 {files}",
            "en": "the evidence log {path} or its -wal or -shm file is read-only: "
            "run chmod 600 {files}",
        },
        "resume_needs_flow": {
            "zh-CN": "保存的进度用的是问题清单文件 {flow}：请运行 overdue-guide resume {flow}",
            "en": "the saved progress is for the flow file {flow}: run overdue-guide resume {flow}",
        },
        "resume_other_flow": {
            "zh-CN": "保存的进度用的是 {saved}，不是 {given}",
            "en": "the saved progress is for {saved}, not {given}",
        },
        "save_busy": {
            "zh-CN": "另一个带 --save 的问答正在进行（在别的窗口里？）：请先把它做完，或者不带 --save 开始",
            "en": "another interview with --save is running (in another window?): finish it "
            "first, or start without --save",
        },
        "not_saving": {
            "zh-CN": "进度没法保存（{reason}）。问答继续，但这次不会保存。",
            "en": "cannot save progress ({reason}); the interview goes on without saving",
        },
        "delete_saved": {
            "zh-CN": "清单已经好了。要删除保存的回答吗？",
            "en": "Your checklist is ready. Delete your saved answers now?",
        },
        "still_saved": {
            "zh-CN": "你的回答还保存在 {path}。要删除，请运行：overdue-guide forget",
            "en": "Your answers are still saved in {path}. To delete them: overdue-guide forget",
        },
        "deleted_saved": {"zh-CN": "保存的回答已删除。", "en": "Your saved answers are deleted."},
        "keep_saved": {"zh-CN": "先留着", "en": "Keep them"},
        "forget_deleted": {"zh-CN": "已删除 {path}", "en": "deleted {path}"},
        "forget_nothing": {
            "zh-CN": "{folder} 里没有保存任何东西",
            "en": "nothing saved in {folder}",
        },
        "forget_left_folder": {
            "zh-CN": "没有删除文件夹 {path}：它不是本程序写的文件，里面的东西请你自己看过再删",
            "en": "left the folder {path}: it is not a file this program wrote; look inside before you delete it",
        },
        "forget_kept_log": {
            "zh-CN": "证据记录 {path} 没有删除；要删除它：overdue-guide log forget",
            "en": "kept the evidence log {path}: `overdue-guide log forget` deletes it",
        },
        "delete_saved_yes": {"zh-CN": "删除", "en": "Delete them"},
        "review_title": {
            "zh-CN": "核对一下你的回答（选一条可以改）",
            "en": "Check your answers (pick one to change it)",
        },
        "review_done": {
            "zh-CN": "✓ 没错，显示我的清单",
            "en": "✓ Looks right, show my checklist",
        },
        "screen_sources_hint": {
            "zh-CN": "每个来源的原文：把清单存成文件；全部来源：overdue-guide sources",
            "en": "Each source's exact words: save the checklist to a file; all sources: overdue-guide sources",
        },
        "screen_recap": {"zh-CN": "最要紧的，先做：", "en": "Most urgent, do these first:"},
        "screen_details_hint": {
            "zh-CN": "屏幕放不下，有些条目只列了要做的事；每条的原因都在存下的文件里。",
            "en": "To fit the screen, some items show only what to do; the file you save gives every reason.",
        },
    }
)


def message(key: str, lang: str, **values: object) -> str:
    """The program's own text `key` in `lang`."""
    return WORDS.say(key, lang, **values)


def all_keys() -> Mapping[str, Mapping[str, str]]:
    """Every message, for the test that no language lacks one."""
    return WORDS.entries
