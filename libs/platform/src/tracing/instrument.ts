import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { loadEnvironment } from '../config/load-environment';

/**
 * OpenTelemetry instruments http and pg by patching them as they are required, so this
 * must run before anything requires them: the platform index imports it first, and an app's
 * main.ts imports the platform before its composition. (The Nest instrumentation supports Nest
 * below 12 only; http + pg give the request and query spans.) Spans go through
 * the global tracer provider, registered later by runService under the deployable's name; until
 * then, and whenever tracing is off, they are no-ops.
 */
function tracingConfigured(): boolean {
  try {
    return loadEnvironment().OTEL_EXPORTER_OTLP_ENDPOINT !== undefined;
  } catch {
    // runService validates again and reports the problem; nothing to instrument meanwhile.
    return false;
  }
}

if (tracingConfigured()) {
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not traffic.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)(\/|\?|$)/.test(request.url ?? ''),
      }),
      // Only queries inside a request or an event handler: pg-boss polls and timers would flood the traces.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
}
