"""Analyzers: one module per question. Network (or its tables) in, plain data out."""
