"""Renderers: the report model and the commands' results in, text or files out.

:mod:`~netlens.render.renderers` picks the report's renderer by format (text, Markdown,
HTML through :mod:`~netlens.render.html`, JSON); :mod:`~netlens.render.files` writes a
report's files into a folder; the other modules render one command's result each.
"""
