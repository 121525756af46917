# One image for every piece of the city graph (docs/operations.md). The command names the piece:
#   gateway | subgraph <department> | stand-in <department> | portal | workbench
#   audit:verify | audit:export | audit:checkpoint [options]
# e.g. `podman run --rm city-graph subgraph tax`. Settings are the environment variables of
# README's table; a secret comes from a file named after its variable under /run/secrets. No key,
# secret or development issuer is in any layer: production refuses to start without its own.
#
# The base image is a build argument: the official Node.js 20 slim image unless your registry
# mirrors it under another name (--build-arg NODE_IMAGE=registry.city.example/node:20-slim).
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Build: the whole lockfile (the compiler and the portal's bundler are devDependencies), then
#    `npm run build` into dist/ as docs/production.md describes, and the image's own parts.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 ships prebuilt binaries for Node 20; these build it where none fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && sh deploy/image/addImageParts.sh dist

# 2. Production dependencies only, resolved from the same lockfile. esbuild is one of them: the
#    reference portal and the privacy workbench bundle their browser scripts with it at start.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. What runs: dist/, the production dependencies and package.json (the product's root is the
#    folder holding it). No git and no history: the workbench's diffs answer NO_HISTORY here.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    GATEWAY_HOST=0.0.0.0 \
    SUBGRAPH_HOST=0.0.0.0 \
    LEGACY_HOST=0.0.0.0 \
    PORTAL_HOST=0.0.0.0 \
    WORKBENCH_HOST=0.0.0.0 \
    APPLICATIONS_HOST=0.0.0.0 \
    DATA_DIR=/var/lib/city-graph
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# The data folder (the pieces' own files; development keys never, production refuses them)
# belongs to the user the pieces run as; everything else stays root's, read-only.
RUN mkdir -p /var/lib/city-graph && chown 1000:1000 /var/lib/city-graph
# The image's "node" user, by number so Kubernetes' runAsNonRoot can check it.
USER 1000:1000
# Every piece stops cleanly on SIGTERM: it stops taking requests, finishes those in flight (2 s at
# most), writes the access log's last group and, on the platform, a last checkpoint.
STOPSIGNAL SIGTERM
EXPOSE 4000 4001 4002 4003 4004 4005 4080 4090
# GET /health of whichever piece runs here (its port from its variable or the registry's default).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "dist/scripts/imageEntrypoint.js", "health"]
# Node's flags for every piece: scripts/imageEntrypoint.ts's PIECE_NODE_FLAGS (why: there).
ENTRYPOINT ["node", "--enable-source-maps", "--heap-growing-percent=50", "dist/scripts/imageEntrypoint.js"]
CMD ["gateway"]
