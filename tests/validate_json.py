#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema: validate_json.py SCHEMA FILE...

Prints one line per error (the file, the path inside it, the message) and exits 1 if any file
does not validate; exits 2 if the schema itself is not a valid JSON Schema (draft 2020-12)."""
import json
import sys

import jsonschema


def main(schema_path, files):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"{schema_path}: not a JSON Schema: {e.message}")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"{path}: {where}: {e.message[:300]}")
        failed += bool(errors)
    print(f"{len(files) - failed} of {len(files)} files validate against {schema_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
