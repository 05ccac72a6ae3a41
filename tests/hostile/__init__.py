"""Hostile inputs: each kind of crafted file, the answer it gets, and the time and memory it costs."""
