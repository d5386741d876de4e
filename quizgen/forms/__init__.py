"""Forms: multiple-choice, true/false and matching items made from an article's questions.

facts -> questions -> quality -> generation -> forms (this) -> items. The
wh-questions and clozes are chosen first; here each gets the distractors of
its answer (:mod:`quizgen.distractors`) and becomes an item, and each form
reuses them, so every form asks about the same key facts.
"""
