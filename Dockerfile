# tierbook in a container: Node 24 on Debian slim, Debian's Chromium and DejaVu fonts for the
# site's diagrams, a non-root user, and nothing written outside /cache, /tmp and --out, so it
# runs with a read-only root file system. See docs/deploy.md.
#
#   docker build -t tierbook .
#   docker run --rm --read-only --tmpfs /tmp -v tierbook-cache:/cache -v "$PWD:/work" \
#     tierbook build --content /work/content --out /work/site

# 1. The package, as `npm pack` makes it from this checkout (the same tarball a registry serves).
FROM node:24-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts are skipped: the image has its Node 24 (the `node` devDependency is not needed).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --ignore-scripts --pack-destination /pkg

# 2. The runtime image.
FROM node:24-bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=pack /pkg/ /tmp/pkg/
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/pkg/tierbook-*.tgz \
 && rm -rf /tmp/pkg /root/.npm \
 && mkdir -p /cache /work \
 && chown node:node /cache /work
# Debian's Chromium, never a download at run time; caches in /cache (a volume, or --tmpfs);
# HOME in /tmp for what Chromium writes there.
ENV TIERBOOK_CHROMIUM=/usr/bin/chromium \
    TIERBOOK_NO_INSTALL=1 \
    XDG_CACHE_HOME=/cache \
    HOME=/tmp
USER node
WORKDIR /work
ENTRYPOINT ["tierbook"]
CMD ["--help"]
