"""One way to carry a request per runtime: CPython, the browser's fetch, JSONP; and a function's
answers, for tests."""
