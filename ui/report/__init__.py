"""Printing the claim summary: PDF writer, printer and print preview share one painting routine."""
