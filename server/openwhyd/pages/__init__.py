"""The service's HTML pages with the real server's structure (docs/openwhyd-html.md): the hooks,
links and values of its templates around our own look, so tools written against openwhyd.org's
pages read ours."""
