#!/bin/sh
# Print a Python interpreter >= 3.12 (pyodide-build needs it; the machine's python3 may be 3.11).
for cand in "$PYTHON" python3.12 python3.13 python3 \
    /root/.pyenv/versions/3.12*/bin/python3.12 /root/.pyenv/versions/3.13*/bin/python3.13 \
    /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
  [ -n "$cand" ] || continue
  path=$(command -v "$cand" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
echo "No Python >= 3.12 found; set PYTHON=/path/to/python3.12" >&2
exit 1
