"""Renderers: plain data in, text out."""
