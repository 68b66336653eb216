"""Last.fm's web service as the Openwhyd service uses it (openwhyd-social §5): where it is, the
application's key, and its signed calls."""
