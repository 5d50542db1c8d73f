import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { load, loadCount, type LoadRun } from './harness';
import { WORKLOADS, type WorkloadName } from './workloads';

/**
 * A load generator on its own thread: it builds one workload from `workerData` and runs it each
 * time the bench asks, so the clients never share an event loop with the server they measure.
 */
const { name, params } = workerData as { name: WorkloadName; params: never };
const workload = WORKLOADS[name](params);
const port = parentPort!;

port.on('message', (message: { run: LoadRun } | { close: true }) => {
  if ('close' in message) {
    void workload.close().then(() => port.postMessage({ closed: true }));
    return;
  }
  const { run } = message;
  const work = (i: number) => workload.work(run.offset + i);
  const result =
    'total' in run ? loadCount(work, run.concurrency, run.total) : load(work, run.concurrency, run.seconds);
  result.then(
    (loadResult) => port.postMessage({ result: { ...loadResult, failures: workload.failures() } }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.stack : String(error) }),
  );
});
port.postMessage({ ready: true });
