"""The LOAD line of the restore drill, read from `manage.py restore_drill`'s exit code and output."""
import re
import sys
from pathlib import Path

FAILED = re.compile(r"restore drill FAILED: (\d+) mismatch")


def mismatches(returncode: int, output: str) -> int:
    """0 when the drill passed; the number it names when it found mismatches; ValueError when it broke."""
    if returncode == 0:
        return 0
    found = FAILED.search(output)
    if found is None:
        raise ValueError(f"the restore drill did not run: {output.strip()[-500:]}")
    return int(found.group(1))


if __name__ == "__main__":
    text = Path(sys.argv[2]).read_text()
    try:
        count = mismatches(int(sys.argv[1]), text)
    except ValueError as error:
        sys.exit(f"loadtest: {error}")
    if count:
        print(text, file=sys.stderr)
    print(f"LOAD restore_mismatches {count} rows", flush=True)
