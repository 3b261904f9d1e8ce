"""`search QUERY`: the sections that best match, as text or JSON, typos forgiven."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.commands import CommandError, handbook_for, print_json
from reader.commands.phrases import phrase
from reader.paths import UserDirs
from reader.terminal import for_terminal

if TYPE_CHECKING:  # Whoosh loads only when a search runs: the window starts without it
    from reader.search.engine import SearchResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help='for example "bone marrow"')
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results")
    parser.add_argument("--json", action="store_true", help="print JSON")


def result_data(result: SearchResult) -> dict[str, object]:
    """The public JSON shape: keys may be added, never renamed or dropped."""
    return {
        "query": result.query,
        "suggestion": result.suggestion,
        "try": list(result.try_words),
        "results": [
            {
                "id": hit.id,
                "chapter": hit.chapter,
                "title": hit.title,
                "snippet": hit.snippet,
                "score": hit.score,
                "kind": hit.kind,
                "terms": list(hit.terms),
            }
            for hit in result.hits
        ],
    }


def print_result(result: SearchResult, language: str = "en") -> None:
    if result.suggestion:
        suggestion = for_terminal(result.suggestion)  # a word from the handbook
        print(phrase(language, "Did you mean: {suggestion}", suggestion=suggestion))
    if not result.hits:
        if result.try_words:
            no_results = "No results for {query!r}. Try: {words}."
            words = ", ".join(result.try_words)
            print(phrase(language, no_results, query=result.query, words=words))
        else:
            no_results = "No results for {query!r}. Try fewer words, or check the spelling."
            print(phrase(language, no_results, query=result.query))
        return
    for hit in result.hits:
        tag = phrase(language, " (glossary)") if hit.kind == "glossary" else ""
        print(for_terminal(f"{hit.chapter} > {hit.title} [{hit.id}]{tag}"))
        print(f"    {for_terminal(hit.plain_snippet)}")


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be 1 or more", exit_code=2)
    handbook = handbook_for(args)
    query = " ".join(args.query)
    from reader.search.engine import SearchIndex

    with SearchIndex.open_or_build(handbook, UserDirs.default().cache) as index:
        result = index.search(query, limit=args.limit)
    if args.json:
        print_json({**result_data(result), "lang": handbook.language})
    else:
        print_result(result, handbook.language)
    return 0
