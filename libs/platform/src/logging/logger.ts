import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** The process's logger; `destination` (default stdout) lets a test read the lines it writes. */
export function createRootLogger(
  options: { level: string; format: 'json' | 'pretty'; service: string },
  destination?: DestinationStream,
): Logger {
  const settings: LoggerOptions = {
    level: options.level,
    base: { service: options.service },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
    ...(options.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  };
  return destination ? pino(settings, destination) : pino(settings);
}

/** Carries the per-request child logger (with its request id) through async calls. */
export const requestLogContext = new AsyncLocalStorage<Logger>();

/** Nest's logger interface over pino; inside a request it logs with that request's id. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private current(): Logger {
    return requestLogContext.getStore() ?? this.root;
  }

  log(message: unknown, context?: string): void {
    this.current().info({ context }, String(message));
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const err = message instanceof Error ? message : undefined;
    this.current().error({ context: context ?? stackOrContext, err }, err ? err.message : String(message));
  }
  warn(message: unknown, context?: string): void {
    this.current().warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.current().debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.current().trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.current().fatal({ context }, String(message));
  }
}

/** An error as one line of text, for Nest's Logger (which takes a message, not an object). */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
