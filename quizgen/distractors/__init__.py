"""Distractors: wrong options for multiple choice and true/false, of the same type as the answer and never correct."""
