"""What can be wrong with an entry, in zh-CN and en: the words of `problems.problem`.

Kept apart from `texts` (which takes them in, so `texts.say` says them too) because they
are many. The English is the one-line CLI error exactly as scripts and tests read it;
the Chinese says the same thing plainly. Places (FILE:LINE:COL, an option, a field),
codes, field names and paths stay as they are inside the Chinese sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

PROBLEMS: Mapping[str, Mapping[str, str]] = {
    # the time of an entry
    "at_empty": {
        "zh-CN": "{where}：不能空着：请写日期和时间，比如 2026-11-20 22:30",
        "en": "{where}: cannot be empty: give a date and time, e.g. 2026-11-20 22:30",
    },
    "at_needs_time": {
        "zh-CN": "{where}：“{text}”要写日期，也要写几点几分（比如 2026-11-20 22:30 "
        "或 2026-11-20T22:30+08:00）",
        "en": "{where}: '{text}' needs a date and a time of day "
        "(write it like 2026-11-20 22:30 or 2026-11-20T22:30+08:00)",
    },
    "at_impossible": {
        "zh-CN": "{where}：“{text}”不是一个真实存在的日期和时间（比如这样写：2026-11-20 22:30 "
        "或 2026-11-20T22:30+08:00）",
        "en": "{where}: '{text}' is not a possible date and time "
        "(write it like 2026-11-20 22:30 or 2026-11-20T22:30+08:00)",
    },
    "at_range": {
        "zh-CN": "{where}：{text} 不能作为记录的时间：只能是 {first} 年到现在之间",
        "en": "{where}: {text} is not a time a log entry can have: from {first} until now",
    },
    "at_whole_minutes": {
        "zh-CN": "{where}：“{text}”：时差只能是整分钟，比如 +08:00",
        "en": "{where}: '{text}': an offset is whole minutes, like +08:00",
    },
    "at_future": {
        "zh-CN": "{where}：{text} 还没有到，不能记将来的时间",
        "en": "{where}: {text} is in the future",
    },
    "tz_unusable": {
        "zh-CN": "{where}：这台电脑的时区设置 TZ={tz} 不是本程序能保存的时区，本地时间会被当成 UTC 记错。"
        "请加上 --zone（如 --zone Asia/Shanghai），或者把 TZ 设成一个地方，如 TZ=Asia/Shanghai",
        "en": "{where}: this machine's TZ={tz} is not a time zone this program can keep, "
        "and a local time read in it would be stored wrong: give --zone (e.g. --zone "
        "Asia/Shanghai), or set TZ to a place, e.g. TZ=Asia/Shanghai",
    },
    "tz_unusable_form": {
        "zh-CN": "{where}：这台电脑的时区设置 TZ={tz} 不是本程序能保存的时区，本地时间会被记错。"
        "请把 TZ 设成一个地方再记，如 TZ=Asia/Shanghai",
        "en": "{where}: this machine's TZ={tz} is not a time zone this program can keep, "
        "and local times would be stored wrong: set TZ to a place, e.g. TZ=Asia/Shanghai",
    },
    "no_zone": {
        "zh-CN": "{where}：没有这个时区：{zone}（请写一个地方，比如 Asia/Shanghai）",
        "en": "{where}: no such time zone: {zone} (name a place, like Asia/Shanghai)",
    },
    "at_twice": {
        "zh-CN": "{where}：在 {zone}，{time} 出现了两次（那天时钟往回拨了）："
        "指第一次请写 {first}，指第二次请写 {second}",
        "en": "{where}: {time} happened twice in {zone} (the clocks went back): "
        "write {first} for the first time or {second} for the second",
    },
    "at_missing": {
        "zh-CN": "{where}：在 {zone}，{time} 这个时间不存在：那天时钟从 {start} 直接跳到了 {end}",
        "en": "{where}: {time} did not exist in {zone}: "
        "that day the clocks jumped from {start} straight to {end}",
    },
    "at_missing_day": {
        "zh-CN": "{where}：在 {zone}，{time} 这个时间不存在：时钟从 {start} 直接跳到了 {end}",
        "en": "{where}: {time} did not exist in {zone}: "
        "the clocks jumped from {start} straight to {end}",
    },
    "at_wrong_offset": {
        "zh-CN": "{where}：在 {zone}，{time} 的时差是 {offset}，不是 {written}",
        "en": "{where}: {time} in {zone} has the offset {offset}, not {written}",
    },
    "at_wrong_offset_two": {
        "zh-CN": "{where}：在 {zone}，{time} 的时差是 {first} 或 {second}，不是 {written}",
        "en": "{where}: {time} in {zone} has the offset {first} or {second}, not {written}",
    },
    # the fields of an entry
    "zone_unknown": {"zh-CN": "没有这个时区：{name}", "en": "no such time zone: {name}"},
    "unknown_field": {
        "zh-CN": "{where}：没有“{name}”这一项（可以写的有：{known}）",
        "en": "{where}: unknown field '{name}' (fields: {known})",
    },
    "required": {
        "zh-CN": "{where}：缺少“{name}”，这一项一定要写",
        "en": "{where}: '{name}' is required",
    },
    "zone_empty": {
        "zh-CN": "{where}：不能空着：请写一个时区，比如 Asia/Shanghai，或者不写这一项",
        "en": "{where}: cannot be empty: give a time zone, e.g. Asia/Shanghai, or leave it out",
    },
    "channel_empty": {
        "zh-CN": "{where}：不能空着：请从这些里选一个：{codes}",
        "en": "{where}: cannot be empty: give one of: {codes}",
    },
    "not_text": {
        "zh-CN": "{where}：这里要写文字，不能是列表或一组键值",
        "en": "{where}: expected text, found a list or mapping",
    },
    "too_long": {
        "zh-CN": "{where}：太长了，最多 {limit} 个字",
        "en": "{where}: longer than {limit} characters",
    },
    "has_nul": {
        "zh-CN": "{where}：里面有一个 NUL 字符（空字符），请去掉它",
        "en": "{where}: contains a NUL character",
    },
    "not_utf8": {
        "zh-CN": "{where}：不是 UTF-8 编码的文字：{shown}（请用 UTF-8）",
        "en": "{where}: not UTF-8 text: {shown} (give it in UTF-8)",
    },
    "too_many": {
        "zh-CN": "{where}：超过了 {limit} 项",
        "en": "{where}: more than {limit} items",
    },
    "not_a_code": {
        "zh-CN": "{where}：“{code}”不在这些里面：{codes}",
        "en": "{where}: '{code}' is not one of: {codes}",
    },
    "one_code": {
        "zh-CN": "{where}：请从这些里只选一个：{codes}",
        "en": "{where}: give one of: {codes}",
    },
    "int_not_bool": {
        "zh-CN": "{where}：这里要写一个整数，不是 {raw}",
        "en": "{where}: expected a whole number, found {raw}",
    },
    "not_int": {
        "zh-CN": "{where}：“{raw}”不是一个整数",
        "en": "{where}: '{raw}' is not a whole number",
    },
    "int_range": {
        "zh-CN": "{where}：{number} 超出了能填的范围",
        "en": "{where}: {number} is out of range",
    },
    "not_bool": {
        "zh-CN": "{where}：“{raw}”既不是“是”也不是“否”（也可以写 true 或 false）",
        "en": "{where}: '{raw}' is not true or false",
    },
    "party_key": {
        "zh-CN": "{where}：没有“{name}”这一项（请用 who 和 told）",
        "en": "{where}: unknown key '{name}' (use who, told)",
    },
    "party_shape": {
        "zh-CN": "{where}：被联系的人要写成 {{who, told}} 或者 'who: told'",
        "en": "{where}: a third party is {{who, told}} or 'who: told'",
    },
    "party_who": {
        "zh-CN": "{where}：被联系的人要写明是谁（who）",
        "en": "{where}: a third party needs 'who'",
    },
    # attachments
    "placed": {"zh-CN": "{where}：{error}", "en": "{where}: {error}"},
    "attach_empty": {
        "zh-CN": "{where}：附件不能空着：请写一个文件的路径",
        "en": "{where}: an attachment cannot be empty: give the path of a file",
    },
    "attach_changed": {
        "zh-CN": "{where}：{path} 在记下以后被改过了（SHA-256 不一样了）",
        "en": "{where}: {path} has changed since it was logged (its SHA-256 differs)",
    },
    "attach_missing": {"zh-CN": "附件 {path} 不存在", "en": "attachment {path} does not exist"},
    "attach_unreadable": {
        "zh-CN": "附件 {path} 读不了：{reason}",
        "en": "attachment {path} cannot be read: {reason}",
    },
    "attach_folder": {
        "zh-CN": "附件 {path} 是一个文件夹：请给一个文件",
        "en": "attachment {path} is a folder: give a file",
    },
    "attach_not_file": {
        "zh-CN": "附件 {path} 不是普通文件",
        "en": "attachment {path} is not a regular file",
    },
    # a --from file
    "file_unreadable": {
        "zh-CN": "{where}：这个文件读不了（{message}）",
        "en": "{where}: {message}",
    },
    "not_a_list": {
        "zh-CN": "{where}：这里应该是一列记录",
        "en": "{where}: expected a list of entries",
    },
    "no_entries_found": {
        "zh-CN": "{where}：这里应该是一列记录（一条也没有找到）",
        "en": "{where}: expected a list of entries (none found)",
    },
    "entry_not_map": {
        "zh-CN": "{where}：每条记录都要写成“字段: 内容”的样子",
        "en": "{where}: an entry must be a mapping of fields",
    },
    "field_twice": {
        "zh-CN": "{where}：一条记录里“{name}”写了两次",
        "en": "{where}: '{name}' is given twice in one entry",
    },
}
