"""overdue-guide: a calm checklist for a person whose Huabei/Jiebei repayment is overdue.

General information, not legal advice. In danger, call 110 first.
"""

__version__ = "0.1.0"
