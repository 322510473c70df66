#!/bin/sh
# The handbook's daily rebuild: run each night by deploy/handbook-rebuild.timer
# (through deploy/handbook-rebuild.service), or by cron; see the deployment page
# (docs/*/developers/deployment.md).
#
# 1. Builds the handbook from the checkout in $HANDBOOK_SRC as of today in the
#    office's time zone ($HANDBOOK_TZ): `make build`, with HANDBOOK_EDITION_DAY and
#    SOURCE_DATE_EPOCH set to that day, so every date in the files is that day's
#    and the same sources give the same files apart from it.
# 2. Copies the built site/ to a new folder, $HANDBOOK_ROOT/releases/<day>-<time>/.
# 3. Points $HANDBOOK_ROOT/site, the folder the web server serves (a symbolic
#    link), at the new folder in one step (rename(2) of a new link over the old).
# 4. Keeps the newest $HANDBOOK_KEEP releases (the one served is never removed).
#
# A build that fails, or that leaves no complete site, stops the script before
# step 3 with a non-zero status: the last good site stays served. The web server
# must then be reloaded to send the new build's Content-Security-Policy
# (site/nginx-csp.conf): the service does it after this script succeeds.
set -eu

SRC=${HANDBOOK_SRC:-/srv/handbook/src}
ROOT=${HANDBOOK_ROOT:-/srv/handbook}
KEEP=${HANDBOOK_KEEP:-3}
BUILD=${HANDBOOK_BUILD:-make build}
ZONE=${HANDBOOK_TZ:-Asia/Shanghai}

day=$(TZ=$ZONE date +%F)
HANDBOOK_EDITION_DAY=$day
SOURCE_DATE_EPOCH=$(date -u -d "$day" +%s)
export HANDBOOK_EDITION_DAY SOURCE_DATE_EPOCH
echo "handbook-rebuild: building $SRC as of $day"

cd "$SRC"
if ! sh -c "$BUILD"; then
    echo "handbook-rebuild: the build failed; the site served is unchanged" >&2
    exit 1
fi
for must in index.html en/index.html sw.js csp.txt nginx-csp.conf clauses.json; do
    if [ ! -s "site/$must" ]; then
        echo "handbook-rebuild: the build left no site/$must; the site served is unchanged" >&2
        exit 1
    fi
done

mkdir -p "$ROOT/releases"
name="$day-$(date +%H%M%S)"
rm -rf "$ROOT/releases/.$name"
cp -a site "$ROOT/releases/.$name"
mv "$ROOT/releases/.$name" "$ROOT/releases/$name"

# The first time: a folder copied there by hand becomes a release like the others.
if [ -d "$ROOT/site" ] && [ ! -L "$ROOT/site" ]; then
    mv "$ROOT/site" "$ROOT/releases/0000-before-$name"
fi
ln -sfn "releases/$name" "$ROOT/.site.new"
mv -T "$ROOT/.site.new" "$ROOT/site"
echo "handbook-rebuild: $ROOT/site now serves releases/$name"

served=$(readlink -f "$ROOT/site")
ls -1d "$ROOT"/releases/*/ | sort | head -n "-$KEEP" | while read -r old; do
    if [ "$(readlink -f "$old")" != "$served" ]; then
        rm -rf "$old"
    fi
done
