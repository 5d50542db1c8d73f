import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { platformError } from './domain-error';
import { PostgresRateLimitStore } from './postgres-rate-limit.store';

/**
 * Slows down password guessing: a per-client budget of sign-in attempts per minute, counted in
 * PostgreSQL so that every replica of every service draws on the same budget.
 */
@Injectable()
export class AuthRateLimitMiddleware implements NestMiddleware {
  private readonly limiter: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    this.limiter = rateLimit({
      store: new PostgresRateLimitStore(dataSource, 'auth:'),
      windowMs: 60_000,
      limit: config.authRateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // Hand the refusal to the problem filter so it leaves as problem+json like every error.
      handler: (_req, _res, next) =>
        next(platformError('RATE_LIMITED', 'Too many attempts; wait a minute and try again.')),
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    void this.limiter(req, res, next);
  }
}
