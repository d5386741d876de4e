"""Questions: realizing facts as wh-questions and cloze items.

article -> analysis -> facts -> questions (this) -> quality -> generation -> forms.
"""
