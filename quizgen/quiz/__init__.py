"""The terminal quiz: items -> quiz (this) with FSRS scheduling, answer checking and stats."""
