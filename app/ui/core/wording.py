"""Words that follow a number: "1 like", "2 likes"."""


def noun(count: int | None, singular: str, plural: str = "") -> str:
    return singular if count == 1 else plural or f"{singular}s"


def counted(count: int | None, singular: str, plural: str = "") -> str:
    return f"{count or 0} {noun(count, singular, plural)}"
