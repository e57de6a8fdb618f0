"""Wait until every URL given answers 200 (at most a minute and a half); exit 1 naming the first that does not."""
import sys
import time
import urllib.request
from urllib.error import URLError

DEADLINE_SECONDS = 90


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback URLs of the script)
            return response.status == 200
    except (URLError, OSError):
        return False


def main(urls: list[str]) -> int:
    deadline = time.monotonic() + DEADLINE_SECONDS
    for url in urls:
        while not answers(url):
            if time.monotonic() > deadline:
                print(f"loadtest: {url} did not answer", file=sys.stderr)
                return 1
            time.sleep(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
