# Salkku API + web app in one image. Build: docker build -t salkku .
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm deploy --filter @salkku/api --prod --legacy /out \
  && mkdir -p /out/web && cp -r apps/web/dist /out/web/dist

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production WEB_DIST_DIR=/app/web/dist
COPY --from=build /out /app
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
