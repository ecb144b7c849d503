#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft 2020-12) with the `jsonschema` package.

Usage: validate.py SCHEMA DOCUMENTS.jsonl
Each line of DOCUMENTS.jsonl is one JSON document. Prints one line per document, in order:
"ok", or "invalid <JSON pointer>: <message>" for the first error (best_match). Exits 2 when the
schema itself is not a valid draft 2020-12 schema. The tests (ScenarioFormatTests) run it on
the scenario library, on invalid fixtures and on mutated scenarios, beside pimsim's decoder.
"""
import json
import sys

import jsonschema
from jsonschema.exceptions import best_match


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"schema error: {error.message}")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    with open(sys.argv[2], encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            error = best_match(validator.iter_errors(document))
            if error is None:
                print("ok")
            else:
                pointer = "/" + "/".join(str(part) for part in error.absolute_path)
                print(f"invalid {pointer}: {error.message[:300]}".replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
