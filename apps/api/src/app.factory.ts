import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { createRequestLogger, createRootLogger } from './common/logging';
import { jsonBody, rejectControlCharacters, requireJsonBody } from './common/request-body';
import { createValidationPipe } from './common/validation';
import { VersionEtagInterceptor } from './common/version';
import type { AppConfig } from './config/config';
import type { ResolvedDatabase } from './database/database-url';
import { bootstrapFirstAdmin, createDemoUsers, guardDemoUsers } from './database/accounts';
import { loadDemoPortfolioIfEmpty } from './database/demo-data';
import { UsersService } from './modules/users/users.service';
import { runMigrations } from './database/migrate';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Salkku API')
    .setDescription(
      "Project portfolio of a Finnish city's ecosystem agreement with the state: agreements, priority areas, " +
        'projects, funding decisions and payments, milestones and status reports. Money is an exact decimal ' +
        'string in euros; dates are ISO 8601. Updates carry the version they read (If-Match or body `version`).',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Serves the built web app from the same origin, with index.html for the app's own routes. */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No built web app in ${webDistDir} (run pnpm build); serving the API only`);
    return;
  }
  app.useStaticAssets(webDistDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && req.accepts('html')) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
      return;
    }
    next();
  });
}

/**
 * Creates the configured application (used by main.ts and by the integration tests): logs,
 * global validation, the one error filter, the ETag of versioned answers, OpenAPI, the web app, and the demo portfolio where
 * asked. `logStream` (tests) receives the JSON log lines instead of stdout.
 */
export async function createApp(
  config: AppConfig,
  database: ResolvedDatabase,
  options: { logStream?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const logger = createRootLogger(config, options.logStream);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database, logger), {
    bufferLogs: true,
    // Nest's parsers would also read form-encoded bodies: only JSON is read (common/request-body.ts).
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  // First of all middleware, so that every request (a body the parser refuses included) gets its
  // id, its X-Request-Id header and its log line.
  app.use(createRequestLogger(logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new VersionEtagInterceptor());
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.set('trust proxy', config.trustProxy);
  // API answers are small JSON made per request: the fastest gzip level keeps most of the gain at
  // a quarter of the CPU (at level 6 gzip was 8 % of the API's CPU under load, issue 11); the web
  // app's files keep the default level.
  const compressApi = compression({ level: 1 });
  const compressFiles = compression();
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/') ? compressApi : compressFiles)(req, res, next),
  );
  app.use(cookieParser());
  app.use('/api', requireJsonBody, jsonBody(), rejectControlCharacters);
  // API answers are per user and partly derived from other records (a project's funding totals
  // change when a payment is added, its version does not): never cached, never a 304. The ETag
  // (the record's version) is for If-Match on updates, not for conditional GETs.
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Swagger UI and React set inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.production ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      // Agrees with frame-ancestors 'none' for browsers that only know X-Frame-Options.
      frameguard: { action: 'deny' },
    }),
  );
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
  serveWebApp(app, config.webDistDir);

  if (config.runMigrations) await runMigrations(app.get(DataSource));
  await app.init();
  const shouldLoadDemo = config.demoData === 'always' || (config.demoData === 'auto' && database.embedded !== null);
  if (shouldLoadDemo) {
    const users = app.get(UsersService);
    // Demo users only in the embedded database (a DATABASE_URL database never gets them), and in
    // production only when SALKKU_DEMO_USERS=true asks for them.
    const loaded = await loadDemoPortfolioIfEmpty(app.get(DataSource), (manager) =>
      database.embedded && config.demoUsers ? createDemoUsers(manager, users) : Promise.resolve(),
    );
    if (loaded) new Logger('Demo').log('Loaded the Kuopio demo portfolio into an empty database');
  }
  await guardDemoUsers(app.get(DataSource), config, database.embedded !== null);
  await bootstrapFirstAdmin(app.get(DataSource), app.get(UsersService));
  return app;
}
