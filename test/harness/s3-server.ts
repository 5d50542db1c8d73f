import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '@jiebang/platform';
import { freePort } from '@jiebang/platform';
import { eventually } from './eventually';
import { isListening, type RunningProcess, startProcess } from './processes';

export interface RunningS3 {
  settings: S3Settings;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server over HTTP (s3rver) on a free port with a throw-away directory and one
 * bucket, for the suite that starts it; killed when the suite (or the test process) ends.
 */
export async function startS3Server(): Promise<RunningS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'jiebang-s3-'));
  const port = await freePort();
  const bucket = 'jiebang-test';
  const server: RunningProcess = startProcess('node_modules/s3rver/bin/s3rver.js', [
    '--directory',
    directory,
    '--address',
    '127.0.0.1',
    '--port',
    String(port),
    '--silent',
    '--configure-bucket',
    bucket,
  ]);
  const kill = () => server.child.kill('SIGKILL');
  process.once('exit', kill);
  const endpoint = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (server.child.exitCode !== null) throw new Error(`s3rver exited: ${server.output()}`);
    if (!(await isListening(endpoint))) throw new Error('s3rver is not listening yet');
  });
  const settings: S3Settings = {
    endpoint,
    bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  const client = new S3Client({
    endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: settings.credentials!,
  });
  return {
    settings,
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    stop: async () => {
      client.destroy();
      process.removeListener('exit', kill);
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
