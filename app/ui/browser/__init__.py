"""The DOM edge: the only package that touches `document` and `window` (Pyodide only). One module
per port of `app/ui/core/ports.py`, and `boot` for what the composition root shows before there is
an app; only the composition root (`app/compose.py`) imports them."""
