import { Injectable } from '@nestjs/common';

/** What a context reports about itself on /health/ready; throwing marks it down. */
export type ReadinessCheck = () => Promise<Record<string, unknown>>;

/** Contexts add their own readiness details (e.g. search's indexing backlog) without platform knowing them. */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): Array<[string, ReadinessCheck]> {
    return [...this.checks.entries()];
  }
}
