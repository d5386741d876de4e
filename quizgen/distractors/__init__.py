"""Distractors: wrong options for multiple choice and true/false, of the same type as the answer and never correct.

forms -> distractors (this): the forms ask for the distractors of each chosen answer.
"""
