import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Metrics } from './metrics';

/** Prometheus scrapes each pod here directly; the proxy does not expose it. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const text = await this.metrics.registry.metrics();
    await reply
      .header('Content-Type', this.metrics.registry.contentType)
      .header('Cache-Control', 'no-store')
      .send(text);
  }
}
