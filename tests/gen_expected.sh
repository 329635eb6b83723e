#!/bin/sh
# Generates the expected output of language tests with the reference interpreter,
# /usr/bin/python3.11:  tests/gen_expected.sh tests/lang/foo.py [...]
# Writes foo.py.out (stdout); foo.py.err and foo.py.rc only when the program writes
# to stderr or exits non-zero (so tests of tracebacks and exit codes pin them).
# Absolute paths of the test's directory are stripped from stdout and stderr.
# Tests read stdin from foo.py.stdin and take arguments from foo.py.args if present.
set -e
for t in "$@"; do
  dir=$(dirname "$t"); base=$(basename "$t")
  args=""; [ -f "$t.args" ] && args=$(cat "$t.args")
  in=/dev/null; [ -f "$t.stdin" ] && in="$(cd "$(dirname "$t")" && pwd)/$(basename "$t").stdin"
  rc=0
  # Tests of Python 3.12 behaviour that 3.11 lacks say so on their first line
  # ("# oracle: python3.12"); they need a 3.12 interpreter ($PYTHON312) to regenerate.
  py=/usr/bin/python3.11
  if head -1 "$t" | grep -q '^# oracle: python3.12'; then
    py=${PYTHON312:-/root/.pyenv/versions/3.12.1/bin/python3.12}
    if [ ! -x "$py" ]; then echo "skip $t: no python3.12 to regenerate it"; continue; fi
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && PYTHONHASHSEED=0 "$py" "$base" $args <"$in" >"$base.out" 2>"$base.err") || rc=$?
  # tracebacks name the script by absolute path: keep expectations path-independent
  absdir=$(cd "$dir" && pwd)
  sed -i "s|$absdir/||g" "$t.out" "$t.err"
  if [ -s "$t.err" ] || [ "$rc" != 0 ]; then
    echo "$rc" >"$t.rc"
  else
    rm -f "$t.err" "$t.rc"
  fi
done
