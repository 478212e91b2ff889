"""A small element tree from KML bytes, parsed safely and carrying line numbers.

``defusedxml``'s SAX driver refuses DTDs, entity declarations and external references before
expat can act on them (billion laughs, XXE). The standard ElementTree keeps no line numbers, so
we build our own light tree from the SAX events: an operator told "line 212" can find the bad
placemark. Namespace prefixes are dropped (``gx:Track`` → ``Track``, ``kml:id`` → ``id``): files from Google Earth,
QGIS and phones disagree on prefixes, never on local names.
"""

from __future__ import annotations

import xml.sax
from collections.abc import Callable
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.sax import parseString

from db.errors import ImportRefused
from db.geo.overlay_model import MAX_NESTING

# XML elements deeper than this are refused (KML needs about ten plus one per folder level).
MAX_XML_DEPTH = MAX_NESTING + 20
# Read in all (a placemark is a dozen or so, and a file has at most MAX_FEATURES of them) ...
MAX_XML_ELEMENTS = 3_000_000
# ... and held at once: one placemark (a GPS track has an element per point) or the styles.
MAX_HELD_ELEMENTS = 1_000_000


class Node:
    """One XML element: local tag name, attributes, children, text and its line in the file."""

    __slots__ = ("tag", "attrs", "children", "raw", "line")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node] = []
        self.raw = ""  # the text directly inside, as written (set when the element ends)
        self.line = line

    @property
    def text(self) -> str:
        return self.raw.strip()

    def child(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        node = self.child(tag)
        return node.text if node is not None else ""

    def iter(self) -> list[Node]:
        """This element and all below it, in document order (iterative: no recursion limit)."""
        out: list[Node] = []
        stack = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


# Called as each element ends, with the elements it is inside (outermost first); True keeps
# it in its parent's children. A reader keeps only what it still needs: a file is read as a
# stream, never held whole as a tree.
OnEnd = Callable[[Node, list[Node]], bool]
_EMPTY: dict[str, str] = {}


def _keep_all(node: Node, ancestors: list[Node]) -> bool:
    return True


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _TooMany(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


class _Builder(ContentHandler):
    def __init__(self, on_end: OnEnd) -> None:
        super().__init__()
        self.root: Node | None = None
        self.stack: list[Node] = []
        self.texts: list[list[str]] = []  # the text pieces of each open element
        self.locator: xml.sax.xmlreader.Locator | None = None
        self.on_end = on_end
        self.elements = 0
        self.held = 0  # elements read and kept: what memory holds

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return (self.locator.getLineNumber() or 0) if self.locator else 0

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:
        line = self.line()
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise _TooMany(line, f"more than {MAX_XML_ELEMENTS:,} XML elements; split the file")
        if len(self.stack) >= MAX_XML_DEPTH:
            raise _TooMany(line, f"elements nested more than {MAX_XML_DEPTH} deep")
        node = Node(_local(name), {_local(k): v for k, v in attrs.items()} or _EMPTY, line)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.held += 1
        if self.held > MAX_HELD_ELEMENTS:
            raise _TooMany(
                line,
                f"more than {MAX_HELD_ELEMENTS:,} XML elements in one placemark or style; "
                "split the file",
            )
        self.stack.append(node)
        self.texts.append([])

    def endElement(self, name: str) -> None:
        node = self.stack.pop()
        pieces = self.texts.pop()
        if pieces:
            raw = "".join(pieces)
            # Whitespace between child elements is layout, not text: drop it, it adds up.
            node.raw = raw if not node.children or raw.strip() else ""
        if not self.on_end(node, self.stack):
            self.held -= 1 + _count(node)
            if self.stack:
                self.stack[-1].children.pop()

    def characters(self, content: str) -> None:
        self.texts[-1].append(content)


def _count(node: Node) -> int:
    """The elements below ``node`` (iterative: a deep file cannot exhaust the stack)."""
    total, stack = 0, list(node.children)
    while stack:
        child = stack.pop()
        total += 1
        stack.extend(child.children)
    return total


def parse_xml(data: bytes, label: str, on_end: OnEnd = _keep_all) -> Node:
    """The root element of ``data``; ``ImportRefused`` naming ``label`` and the line if not XML.

    ``on_end`` sees each element as it ends and says whether to keep it; the limits on
    elements read, held and nested are checked as they are read, and name what was exceeded.
    """
    builder = _Builder(on_end)
    try:
        parseString(data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRefused(
            [
                f"{label}:{builder.line()}: refused: the file declares a DTD or entities, which "
                "KML never needs (this is how entity-expansion and external-entity attacks work)"
            ]
        ) from None
    except xml.sax.SAXParseException as exc:
        raise ImportRefused(
            [f"{label}:{exc.getLineNumber()}: not well-formed XML ({exc.getMessage()})"]
        ) from None
    except _TooMany as exc:
        raise ImportRefused([f"{label}:{exc.line}: too large for the map: {exc.message}"]) from None
    except (xml.sax.SAXException, ValueError, LookupError) as exc:
        # Unknown encodings and the like: expat reports them outside SAXParseException.
        raise ImportRefused([f"{label}: cannot be read as XML ({exc})"]) from None
    if builder.root is None:
        raise ImportRefused([f"{label}: the file holds no XML elements"])
    return builder.root
