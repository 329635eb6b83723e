# dict- and str-heavy: generate text from syllables with an LCG, split it into
# words, count them in a dict, build bigram counts keyed by strings, and do the
# usual string chores (case changes, replace, join, slicing, startswith).
# Checksum: top words, dict sizes and a string checksum (no hash(): it is salted).
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
WORDS = max(1000, int(1000000 * SCALE))

SYLLABLES = ["ka", "ri", "to", "ne", "su", "mo", "la", "pi", "ve", "do", "an", "el",
             "or", "ti", "qu", "zy", "bo", "ha", "ju", "ce"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def make_text(rng, nwords):
    vocab = []
    for i in range(600):
        k = 1 + rng.below(3)
        vocab.append("".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(k)))
    lines = []
    line = []
    for i in range(nwords):
        # a skewed choice so some words are much more frequent
        w = vocab[rng.below(1 + rng.below(len(vocab)))]
        if rng.below(17) == 0:
            w = w.capitalize()
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line) + ".")
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def str_checksum(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    rng = Lcg(99)
    text = make_text(rng, WORDS)
    counts = {}
    for line in text.splitlines():
        for w in line.replace(".", "").lower().split():
            counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    print("distinct", len(counts), "words", sum(counts.values()))
    print("top", " ".join("%s=%d" % kv for kv in top))

    bigrams = {}
    words = text.lower().replace(".", " ").split()
    for i in range(len(words) - 1):
        key = words[i] + " " + words[i + 1]
        if key in bigrams:
            bigrams[key] += 1
        else:
            bigrams[key] = 1
    best = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
    print("bigrams", len(bigrams), "best", best[0], best[1])

    by_initial = {}
    for w in counts:
        by_initial.setdefault(w[0], []).append(w)
    summary = []
    for initial in sorted(by_initial):
        group = sorted(by_initial[initial])
        summary.append(initial.upper() + ":" + str(len(group)) + ":" + group[0][:3])
    print("initials", ",".join(summary))

    shouted = text.upper()
    swapped = text.replace("ka", "KA").replace("ri", "")
    prefixed = sum(1 for w in words if w.startswith("ka") or w.endswith("el"))
    print("checksums", str_checksum(shouted[:20000]), str_checksum(swapped[-20000:]),
          len(swapped), prefixed)


main()
