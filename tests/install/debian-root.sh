#!/bin/bash
# Verifies the Dockerfile's install steps in a clean Debian bookworm root, for a machine with
# no container runtime (not part of npm test; run as root; see docs/deploy.md). Before:
#   apt-get install debootstrap && debootstrap --variant=minbase bookworm /tmp/tb-debroot http://deb.debian.org/debian
# Node 24 (the `node` devDependency's binary) and the host's npm stand in for node:24-bookworm-slim.
set -euo pipefail
R=${DEBIAN_ROOT:-/tmp/tb-debroot}
WT=$(cd "$(dirname "$0")/../.." && pwd)
step() { echo "== $(date -u +%T) $*"; }
cp /etc/resolv.conf $R/etc/resolv.conf
step "stand-in for node:24-bookworm-slim: Node 24 binary and npm copied in"
install -m 755 $WT/node_modules/node/bin/node $R/usr/local/bin/node
mkdir -p $R/usr/local/lib/node_modules
rm -rf $R/usr/local/lib/node_modules/npm && cp -r /usr/lib/node_modules/npm $R/usr/local/lib/node_modules/npm
ln -sf ../lib/node_modules/npm/bin/npm-cli.js $R/usr/local/bin/npm
ln -sf ../lib/node_modules/npm/bin/npx-cli.js $R/usr/local/bin/npx
chroot $R sh -c 'id node 2>/dev/null || (groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/sh node)'
mkdir -p $R/root/.npm
step "stage 1: the committed tree (git archive HEAD, like a clean clone) built and packed in the root"
rm -rf $R/src && mkdir -p $R/src $R/tmp/pkg && git -C "$WT" archive HEAD | tar -x -C $R/src
unshare -m --fork bash -euo pipefail -c '
R='$R'
mount -t proc proc $R/proc
mount --bind /dev $R/dev
mount --bind /root/.npm $R/root/.npm
chroot $R sh -c "cd /src && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline 2>&1 | tail -1 && npm run build 2>&1 | tail -1 && npm pack --ignore-scripts --pack-destination /tmp/pkg 2>&1 | tail -1 && rm -rf /src"
'
unshare -m --fork bash -euo pipefail -c '
R='$R'
mount -t proc proc $R/proc
mount --bind /dev $R/dev
mount --bind /root/.npm $R/root/.npm
echo "== $(date -u +%T) RUN apt-get install chromium fonts-dejavu-core"
chroot $R sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null && rm -rf /var/lib/apt/lists/*"
echo "== $(date -u +%T) RUN npm install --global --omit=dev the tarball"
chroot $R sh -c "npm install --global --omit=dev --no-audit --no-fund --prefer-offline /tmp/pkg/tierbook-*.tgz 2>&1 | tail -3 && rm -rf /tmp/pkg && mkdir -p /cache /work && chown node:node /cache /work"
'
step "run as node (uid 1000), root read-only, /tmp and /cache tmpfs, /work a writable bind mount"
rm -rf /tmp/tb-deb-work && mkdir -p /tmp/tb-deb-work && cp -r $WT/src/sample/cluster /tmp/tb-deb-work/sample && chown -R 1000:1000 /tmp/tb-deb-work
unshare -m --fork bash -euo pipefail -c '
R='$R'
mount --bind $R $R && mount -o remount,bind,ro $R
mount -t proc proc $R/proc
mount --bind /dev $R/dev
mount -t tmpfs -o mode=1777 tmpfs $R/tmp
mount -t tmpfs -o uid=1000,gid=1000 tmpfs $R/cache
mount --bind /tmp/tb-deb-work $R/work
as_node() { chroot --userspec=1000:1000 $R env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp XDG_CACHE_HOME=/cache TIERBOOK_CHROMIUM=/usr/bin/chromium TIERBOOK_NO_INSTALL=1 sh -c "cd /work && $1"; }
echo "-- root is read-only:"; chroot $R sh -c "touch /usr/probe" 2>&1 || true
echo "-- tierbook --version:"; as_node "tierbook --version"
echo "-- inventory:"; as_node "tierbook inventory --from sample --out content"
echo "-- blast:"; as_node "tierbook blast osd/3 --from sample | head -3"
echo "-- build:"; as_node "tierbook build --content content --out site"
echo "-- build, cache not writable (no /cache tmpfs): "; umount $R/cache; as_node "tierbook build --content content --out site2; echo exit=\$?"
'
ls /tmp/tb-deb-work/site | head -5
step done
