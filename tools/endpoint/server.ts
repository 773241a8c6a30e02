/**
 * The HTTP side of the local ECS endpoint: 127.0.0.1 only, `POST /` with `X-Amz-Target` for ECS actions,
 * `/_control/...` for the control API. Answers after the configured latency.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { LocalEcs, type EndpointOptions } from './engine';
import type { Json } from './model';

export interface RunningEndpoint {
  /** `http://127.0.0.1:PORT`: what the SDK's `endpoint` option takes. */
  url: string;
  port: number;
  /** The endpoint itself: state, clock, faults, throttle, statistics (the control API without HTTP). */
  ecs: LocalEcs;
  close(): Promise<void>;
}

export interface StartOptions extends EndpointOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the endpoint; resolves once it listens. */
export async function startEndpoint(options: StartOptions = {}): Promise<RunningEndpoint> {
  const ecs = new LocalEcs(options);
  const server: Server = createServer((req, res) => {
    let gone = false;
    res.on('close', () => {
      gone = true;
    });
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0];
      if (path.startsWith('/_control')) {
        let parsed: Json;
        try {
          parsed = body.trim() ? (JSON.parse(body) as Json) : {};
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'the body is not JSON' }));
          return;
        }
        const out = handleControl(ecs, req.method ?? 'GET', path, parsed);
        res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.body));
        return;
      }
      if (req.method !== 'POST' || path !== '/') {
        res.writeHead(404, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'UnknownOperationException' }));
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const latency = ecs.latencyFor(target.slice(target.indexOf('.') + 1));
      ecs.requestStarted();
      try {
        if (latency > 0) await sleep(latency);
        // The caller gave up (an aborted SDK call): answer nothing, change nothing.
        if (gone) return;
        const out = ecs.handle(req.headers, body);
        res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) }).end(out.body);
      } finally {
        ecs.requestFinished();
      }
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    ecs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
