"""Forms: multiple-choice, true/false and matching items made from an article's questions.

facts -> questions -> quality -> items -> distractors -> forms (this). The
wh-questions and clozes are chosen first; each form then reuses them with the
distractors of their answers, so every form asks about the same key facts.
"""
