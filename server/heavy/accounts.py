"""Users and their labelled tokens: what `heavy-token`, the demo world and the token routes share."""

from server.heavy import tokens
from server.heavy.records import Token, User
from server.heavy.store import Store


def issue_token(store: Store, key: bytes, user: User, label: str) -> tuple[Token, str]:
    """A new token for `user`, starting at the store's time."""
    token = store.add_token(user, label, tokens.new_start_date(store.clock.utcnow()))
    return token, token_string(key, token)


def token_string(key: bytes, token: Token) -> str:
    """Tokens are not stored: the signed string is made again from its row and the key."""
    return tokens.mint(key, tokens.Claims(token.user.name, token.start_date))
