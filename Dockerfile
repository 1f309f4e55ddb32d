# One app node (docker-compose.yml runs two behind nginx; docs/scaling.md).
# The image is built the way `npm start` prepares a fresh machine: npm packages,
# the mediasoup worker (built against Debian's libraries when no prebuilt one can
# be downloaded), the Prisma client and the production build of the pages.
FROM node:24-bookworm-slim
RUN apt-get update -qq \
  && apt-get install -y -qq --no-install-recommends ca-certificates python3 python3-pip make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN node -e "import('./scripts/lib/bootstrap.mjs').then(async (m) => { await m.bootstrap(); await m.ensureNextBuild(); })"
# HOST: the balancer reaches the node over the compose network. DATA_DIR: uploads
# (STORAGE_DRIVER=local) on a volume every node mounts; use S3 across machines.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data TRUST_PROXY=true
EXPOSE 3000
# `npm start` finds everything in place (its stamps match) and runs the server.
CMD ["npm", "start"]
