"""Which earlier row already used an email address, a mobile number or an existing person."""


class FirstSeen:
    """Keys are kept as their 64-bit hashes, as a million rows' addresses as strings would cost
    another ~150 MB. The price: a false "duplicate" needs two of a million-row file's keys to
    collide, about one chance in ten million."""

    def __init__(self) -> None:
        self._rows: dict[int, int] = {}

    def earlier(self, key: str) -> int | None:
        """The row that already used `key`, if any."""
        return self._rows.get(hash(key))

    def claim(self, key: str, number: int) -> None:
        self._rows.setdefault(hash(key), number)
