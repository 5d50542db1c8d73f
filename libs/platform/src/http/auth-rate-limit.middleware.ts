import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ipaddr from 'ipaddr.js';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { platformError } from './domain-error';
import { PostgresRateLimitStore } from './postgres-rate-limit.store';

const WINDOW_SECONDS = 60;
/** An IPv6 client usually holds a whole /56 or /64: counting single addresses would let it rotate. */
const IPV6_PREFIX_BYTES = 7;

/** The key a client's attempts count under: its IPv4 address, or its IPv6 address's /56. */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const prefix = ip.toByteArray().slice(0, IPV6_PREFIX_BYTES);
  return `${ipaddr.fromByteArray([...prefix, ...Array<number>(16 - IPV6_PREFIX_BYTES).fill(0)]).toString()}/56`;
}

/**
 * Slows down password guessing: a per-client budget of sign-in attempts per minute, counted in
 * PostgreSQL so that every replica of every service draws on the same budget. The client is the
 * address Fastify derived through the trusted proxies (middie copies it onto Node's request), an
 * IPv6 one by its /56 as express-rate-limit counted it.
 * Budget and state go out as the IETF RateLimit-Policy / RateLimit headers.
 */
@Injectable()
export class AuthRateLimitMiddleware implements NestMiddleware {
  private readonly store: PostgresRateLimitStore;
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    this.store = new PostgresRateLimitStore(dataSource, 'auth:', WINDOW_SECONDS * 1000);
    this.limit = config.authRateLimitPerMinute;
  }

  use(req: IncomingMessage & { ip?: string }, res: ServerResponse, next: (error?: unknown) => void): void {
    this.count(rateLimitKey(req.ip ?? req.socket.remoteAddress ?? 'unknown'), res).then(next, next);
  }

  /** Resolves with the refusal (handed to `next`, so it leaves as problem+json), or nothing. */
  private async count(client: string, res: ServerResponse): Promise<unknown> {
    const { hits, resetAt } = await this.store.hit(client);
    const seconds = Math.max(0, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    res.setHeader('RateLimit-Policy', `"auth"; q=${this.limit}; w=${WINDOW_SECONDS}`);
    res.setHeader('RateLimit', `"auth"; r=${Math.max(0, this.limit - hits)}; t=${seconds}`);
    if (hits <= this.limit) return undefined;
    res.setHeader('Retry-After', String(seconds));
    return platformError('RATE_LIMITED', 'Too many attempts; wait a minute and try again.');
  }
}
