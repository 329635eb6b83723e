# regex workload (needs the `re` module): tokenising generated log lines,
# findall/finditer with groups, sub with a replacement function, split, and
# anchored matches of e-mail- and date-like patterns.
# Checksum: match counts and a checksum of the rewritten text.
import re
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
LINES = max(100, int(200000 * SCALE))

USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
HOSTS = ["example.org", "mail.test", "krait.dev", "corp.example"]
VERBS = ["GET", "POST", "PUT", "DELETE"]


def make_log(n):
    x = 31337
    lines = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        user = USERS[x % len(USERS)]
        host = HOSTS[(x >> 5) % len(HOSTS)]
        verb = VERBS[(x >> 9) % len(VERBS)]
        day = 1 + (x >> 3) % 28
        month = 1 + (x >> 11) % 12
        status = (200, 201, 301, 404, 500)[(x >> 13) % 5]
        ms = (x >> 7) % 5000
        lines.append("2024-%02d-%02d %s <%s@%s> %s /api/v%d/items/%d?q=%s status=%d took=%dms"
                     % (month, day, user.upper() if i % 9 == 0 else user, user, host, verb,
                        1 + x % 3, x % 10000, user[:3], status, ms))
    return "\n".join(lines)


def main():
    text = make_log(LINES)
    line_re = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\w+) <([\w.]+)@([\w.]+)> (GET|POST|PUT|DELETE) "
                         r"(\S+) status=(\d+) took=(\d+)ms$", re.M)
    per_status = {}
    slow = 0
    for m in line_re.finditer(text):
        per_status[m.group(9)] = per_status.get(m.group(9), 0) + 1
        if int(m.group(10)) > 4000:
            slow += 1
    print("status", sorted(per_status.items()), "slow", slow)

    emails = re.findall(r"<([a-z]+)@([a-z.]+)>", text)
    print("emails", len(emails), len(set(emails)))

    numbers = re.findall(r"/items/(\d+)", text)
    print("items", len(numbers), sum(int(v) for v in numbers) % 1000003)

    def redact(m):
        return m.group(1)[0] + "***@" + m.group(2)

    redacted = re.sub(r"<(\w+)@([\w.]+)>", redact, text)
    shouted = len(re.findall(r"\b[A-Z]{3,}\b", text))
    parts = re.split(r"[\s/?=<>@]+", text[:200000])
    h = 0
    for ch in redacted[::7]:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    print("redacted", len(redacted), h, "upper words", shouted, "parts", len(parts))

    dates = 0
    for line in text.splitlines()[: LINES // 2]:
        if re.match(r"2024-(0[1-6])-", line) and re.search(r"status=(?:4|5)\d\d", line):
            dates += 1
    print("first-half errors", dates)


main()
