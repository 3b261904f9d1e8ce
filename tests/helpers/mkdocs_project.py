"""A small MkDocs project written the way other tools' docs are: setext headings, YAML
front matter (with a hostile tag), meta-data lines, attribute-list ids, a nested nav,
a nav entry to a missing page and one to a generated folder."""

from __future__ import annotations

from pathlib import Path

MKDOCS_YML = """\
site_name: Clinic Guide
site_description: How our clinic works
docs_dir: pages
theme:
  name: material
markdown_extensions:
  - toc:
      permalink: true
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - Welcome: index.md
  - Using the tool: cli.md
  - Extensions:
      - ext/toc.md
      - Attribute Lists: ext/attr.md
      - Deeper:
          - ext/deep/notes.md
  - Missing page: gone.md
  - API: api/
  - Website: https://example.org/
"""

INDEX = """\
---
title: Welcome to the clinic
tags: !!python/object/apply:os.system ["echo pwned"]
---

Clinic Guide
============

Start here. See [the command](cli.md#using-the-markdown_py-command) and
[attribute lists](ext/attr.md#custom-place).

Visiting hours
--------------

Every day from nine to five.
"""

CLI = """\
title: Command line
authors: Someone
    Someone Else

Cli
===

Using the `markdown_py` Command
-------------------------------

Run it with **care**. Back to [visiting hours](index.md#visiting-hours).

Options {: #options-list }
-------

Flags go here. Also see [below](#special-paragraph).

This paragraph has an id.
{: #special-paragraph }

Options
-------

The same heading twice: [second one](#options).
"""

TOC = """\
# Table of Contents

Text about toc.

## Usage

Use it. Link to [the *attr* page](attr.md).
"""

ATTR = """\
Attribute lists
===============

Setting ids
-----------

A place with a custom id follows.

### A *custom* place {: #custom-place }

Here it is.
"""

NOTES = """\
# Notes deep down

## Wound care

Clean the line every day. Link to [the top](../../index.md).
"""

UNLISTED = """\
# Unlisted page

## Orphan heading

Nobody lists this page in nav.
"""


def write_mkdocs_project(root: Path) -> Path:
    """Write the project under `root` and return the project folder."""
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "mkdocs.yml": MKDOCS_YML,
        "pages/index.md": INDEX,
        "pages/cli.md": CLI,
        "pages/ext/toc.md": TOC,
        "pages/ext/attr.md": ATTR,
        "pages/ext/deep/notes.md": NOTES,
        "pages/zz-unlisted.md": UNLISTED,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "pages/api").mkdir()
    return root
