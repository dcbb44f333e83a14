#!/usr/bin/env bash
# Regenerate constraints.txt: the exact versions of the environment the full test suite
# passed in, so a fresh machine (and .ci/run) installs those, not whatever is newest.
#
#     source /path/to/venv/bin/activate && bash scripts/lock_constraints.sh
#
# Run it in a virtualenv where `pip install -e '.[test,fuzz]'` was done and
# `python -m pytest` is green; commit constraints.txt with the change that needed it.
# The project itself (the editable install) is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
{
    echo "# Exact versions a fresh install uses: pip install -c constraints.txt -e '.[test,fuzz]'"
    echo "# Regenerate with scripts/lock_constraints.sh (see README: Pinned installs)."
    echo "# Python $(python -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')"
    python -m pip freeze --exclude-editable --all \
        | grep -v -i -E '^(tracker|pip)==' \
        | grep -v '^#' \
        | LC_ALL=C sort -f
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages)"
