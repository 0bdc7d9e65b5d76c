"""Sign conventions a page states in words: a header formula or a legend.

A rule's identity may list, per alternative, phrases that state it
(`stated` in the rulebook): `Verschil begroting − realisatie` in a header,
`een positief verschil is voordelig` in a legend under the table. The dataset
lets a stated convention win a tie between conventions; SC102 reports a table
whose numbers follow another convention than the one its page states.
"""

from __future__ import annotations

import re
from functools import lru_cache

from budget_checks.model import Prose
from budget_checks.recognize.kept import Kept
from budget_checks.rulebook import IdentityRule
from budget_checks.tables import Table


@lru_cache(maxsize=1 << 14)  # phrases and page texts recur for every table and identity
def normalise(text: str) -> str:
    """Lower case, one kind of dash with spaces around it, single spaces."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"\s*[-−–—]\s*|\s+minus\s+", " - ", text)
    return " ".join(text.split())


def page_words(table: Table) -> str:
    """The table's title and header labels, and every text of its page, normalised once."""
    parts = [table.title, *(c.label for c in table.columns)]
    return "\n".join([*(normalise(p) for p in parts), _page_text(table.page).normalised])


_DIGIT = re.compile(r"\d")
_PAGE_TEXTS = Kept(256)  # id(page) -> its texts, for the pages of one document


class _PageText:
    """A page's words (prose and cells without digits): in lower case as they stand, and
    normalised. Normalising takes a regex per text, so it is done only when first asked for.
    A page read from text looks its words up in that text (what its cells hold, and more)."""

    __slots__ = ("page", "_parts", "lower", "_normalised", "_has")

    def __init__(self, page) -> None:
        self.page = page  # held, so its id is not reused while cached
        self._parts: list[str] | None = None
        self.lower = lower(page.text or "\n".join(self.parts)).replace("’", "'")
        self._normalised: str | None = None
        self._has: dict[str, bool] = {}

    @property
    def parts(self) -> list[str]:
        if self._parts is None:
            self._parts = parts = []
            digit = _DIGIT.search
            for item in self.page.items:
                if isinstance(item, Prose):
                    parts.append(item.text)
                else:
                    for cell in item.cells:
                        if not digit(cell.text):
                            parts.append(cell.text)
        return self._parts

    def has(self, word: str) -> bool:
        """Whether the word stands in the page's lower-case text: phrases share words, and a word
        the page lacks costs a scan of all of it."""
        found = self._has.get(word)
        if found is None:
            found = self._has[word] = word in self.lower
        return found

    @property
    def normalised(self) -> str:
        if self._normalised is None:
            self._normalised = "\n".join(normalise(p) for p in self.parts)
        return self._normalised


def lower(text: str) -> str:
    """`text.lower()`, at C speed where only ASCII letters change: str.lower takes a text with one
    wide character (`€`) a character at a time, bytes.lower does not. A text whose other characters
    lower() would change (`É`) goes to str.lower."""
    if text.isascii():
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    wide = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # the characters beyond ASCII, whole
    if wide.lower() != wide:
        return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


_ASCII = bytes(range(128))


def _page_text(page) -> _PageText:
    cached = _PAGE_TEXTS.get(id(page))
    if cached is None or cached.page is not page:
        cached = _PAGE_TEXTS.keep(id(page), _PageText(page))
    return cached


def _may_mention(table: Table, rule: IdentityRule) -> bool:
    """A cheap test before normalising the page: every word of some phrase stands somewhere
    on it (normalising changes only case, dashes and spaces, so it never makes a word appear)."""
    has = _page_text(table.page).has
    title = "\n".join([table.title, *(c.label for c in table.columns)]).lower().replace("’", "'")
    for words in _phrase_words(rule.stated):
        for word in words:
            if not (has(word) or word in title):
                break
        else:
            return True
    return False


@lru_cache(maxsize=64)
def _phrase_words(stated: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(_words(p) for phrases in stated for p in phrases)


@lru_cache(maxsize=1 << 10)
def _words(phrase: str) -> tuple[str, ...]:
    """The phrase's words, the likely missing first (a sign, then the longest): a word the page lacks
    costs a scan of all of it, and the first one missing settles the phrase."""
    return tuple(sorted((word for word in normalise(phrase).split() if word != "-"), key=lambda w: (w.isalpha(), -len(w))))


def stated_alternative(table: Table, rule: IdentityRule) -> int | None:
    """The alternative of `rule` that the page states, or None when it states none or several
    (asked by the dataset and by SC102: kept on the table)."""
    code = rule.doc.code
    if code not in table.stated:
        table.stated[code] = _stated(table, rule)
    return table.stated[code]


def _stated(table: Table, rule: IdentityRule) -> int | None:
    if not rule.stated or not _may_mention(table, rule):
        return None
    words = page_words(table)
    found = {a for a, phrases in enumerate(rule.stated) if any(normalise(p) in words for p in phrases)}
    return found.pop() if len(found) == 1 else None


def stated_phrase(table: Table, rule: IdentityRule, alternative: int) -> str:
    """The phrase that states `alternative` on the table's page (for messages)."""
    words = page_words(table)
    for phrase in rule.stated[alternative]:
        if normalise(phrase) in words:
            return phrase
    return ""
