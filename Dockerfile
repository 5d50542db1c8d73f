# syntax=docker/dockerfile:1
# One image for every Jiebang service (the default target); SERVICE picks the app at run time:
#   marketplace (3000), demand-service (3001), search-service (3002), matching-service (3003).
# PostgreSQL and Meilisearch run in their own containers (see docker-compose.yml), so the
# embedded Meilisearch binary is left out of the image (see prod-deps). The `proxy` target is
# nginx with the built web app.
#
# Base images are pinned by exact version tag. To pin by digest as well (reproducible builds),
# where a registry is reachable: `docker buildx imagetools inspect node:22.23.3-bookworm-slim`
# and write `FROM node:22.23.3-bookworm-slim@sha256:<digest> AS base` (likewise for nginx).
# `node scripts/docker-context-check.mjs` replays these stages without a Docker engine.

FROM node:22.23.3-bookworm-slim AS base
WORKDIR /app

# npm stages. The image bundles npm 10, which ignores package.json's `allowScripts` and .npmrc's
# `strict-allow-scripts` and would run every install script; use the npm the lockfile was made with.
FROM base AS npm
RUN npm install -g npm@11.19.1 && npm cache clean --force
COPY package.json package-lock.json .npmrc ./

# Build: all dependencies (swc, Vite), transpile apps/ and libs/ to dist/ and bundle the web app into dist/web.
FROM npm AS build
RUN npm ci
COPY tsconfig.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# Production dependencies only, without the embedded servers' binaries (optional dependencies,
# loaded only when DATABASE_URL / MEILI_URL are unset): production uses the official images.
FROM npm AS prod-deps
RUN npm ci --omit=dev --omit=optional && npm cache clean --force

# The front door: nginx with the routing table and the built web app (docker-compose's `proxy`).
FROM nginx:1.28.0-alpine AS proxy
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/web /usr/share/nginx/html
# The merged OpenAPI document of all three services (the marketplace's), served at /api/docs-json.
COPY apps/web/src/api/openapi.json /usr/share/nginx/openapi.json

# Runtime (last, so the default target): root-owned, read-only code run as the unprivileged `node` user.
FROM base AS runtime
ARG SERVICE=marketplace
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The search dictionary and synonyms (SEARCH_DATA_DIR) are read at start.
COPY libs/search/data ./libs/search/data
USER node
EXPOSE 3000 3001 3002 3003
# Liveness of whichever service runs: PORT, else that service's default port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const d={marketplace:3000,'demand-service':3001,'search-service':3002,'matching-service':3003};fetch('http://127.0.0.1:'+(process.env.PORT||d[process.env.SERVICE])+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
