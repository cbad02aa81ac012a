// The mounting examples of the README, run for real on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { getRequestListener, serve } from '@hono/node-server';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, representative, tokenOf, type Harness } from './support/harness.js';
import { pdfBytes } from './support/files.js';

let harness: Harness | undefined;
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await harness?.close();
  harness = undefined;
});

function listening(started: Server): Promise<string> {
  return new Promise((resolve) => {
    const address = () => `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
    if (started.listening) resolve(address());
    else started.once('listening', () => resolve(address()));
  });
}

const authorization = () => ({ authorization: `Bearer ${tokenOf(representative)}` });

describe('Node http through @hono/node-server', () => {
  it('serves the calendar and a multipart upload', async () => {
    harness = await createHarness();
    server = serve({ fetch: harness.handler, port: 0, hostname: '127.0.0.1' }) as Server;
    const base = await listening(server);

    const added = await fetch(`${base}/calendar/add?date=2026-03-16&days=-7`);
    const created = await fetch(`${base}/applications`, {
      method: 'POST',
      headers: { ...authorization(), 'content-type': 'application/json' },
      body: JSON.stringify({ programId: 'vpr-2026-03' }),
    });
    const { id } = (await created.json()) as { id: string };
    const form = new FormData();
    form.append('file', new Blob([pdfBytes as Uint8Array<ArrayBuffer>]), 'Договор.pdf');
    const uploaded = await fetch(`${base}/applications/${id}/files`, { method: 'POST', headers: authorization(), body: form });

    expect(await added.json()).toMatchObject({ result: '2026-03-04' });
    expect(created.status).toBe(201);
    expect(uploaded.status).toBe(201);
    expect(((await uploaded.json()) as { files: { name: string }[] }).files[0]?.name).toBe('Договор.pdf');
  });
});

describe('Express', () => {
  it('serves the handler under /api', async () => {
    harness = await createHarness({ basePath: '/api' });
    const app = express();
    app.all('/api/{*route}', getRequestListener(harness.handler));
    server = app.listen(0, '127.0.0.1');
    const base = await listening(server);

    const health = await fetch(`${base}/api/health`);
    const created = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { ...authorization(), 'content-type': 'application/json' },
      body: JSON.stringify({ programId: 'vpr-2026-03' }),
    });
    const outside = await fetch(`${base}/health`);

    expect(health.status).toBe(200);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/^\/api\/applications\//u);
    expect(outside.status).toBe(404);
  });
});

describe('Next.js route handlers', () => {
  it('answers the requests a catch-all route passes on', async () => {
    harness = await createHarness({ basePath: '/api' });
    // app/api/[...route]/route.ts exports the handler as GET, POST, PUT: Next.js calls it with the Request.
    const { handler: GET, handler: POST } = harness;

    const day = await GET(new Request('http://localhost/api/calendar/days/2026-03-09', { headers: { 'accept-language': 'en' } }));
    const created = await POST(
      new Request('http://localhost/api/applications', {
        method: 'POST',
        headers: { ...authorization(), 'content-type': 'application/json' },
        body: JSON.stringify({ programId: 'vpr-2026-03' }),
      }),
    );

    expect(((await day.json()) as { working: boolean }).working).toBe(false);
    expect(created.status).toBe(201);
  });
});
