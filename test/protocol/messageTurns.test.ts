// Long work in the server gives way, after each slice, for as many turns of the event loop as a message takes in
// the protocol library to be read, dispatched and answered: a request made meanwhile waits for one slice at most.
// Here over a local socket, as over the pipes of stdio (a TCP socket would hold small writes back), with the
// library's own connection on each side.
import { createServer, connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createConnection, createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { messageTurns, nextTurn, turnsOf } from '../../server/src/protocol/turns';

const disposals: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

let sockets = 0;

async function socketPair(): Promise<[Socket, Socket]> {
  const server = createServer();
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const where = path.join(tmpdir(), `bulletin-turns-${process.pid}-${sockets++}.sock`);
  await new Promise<void>((resolve) => server.listen(where, resolve));
  const client = connect(where);
  const pair: [Socket, Socket] = [await accepted, client];
  disposals.push(() => {
    for (const socket of pair) socket.destroy();
    server.close();
  });
  return pair;
}

/**
 * A server whose background work runs in slices of a few milliseconds, giving way with `turns` after each, and
 * a client that asks it, ten times, how many slices it has run: how many ran between a request and its answer's
 * bytes written, at most.
 */
async function slicesBeforeAnswer(turns: () => Promise<void>): Promise<number> {
  const [serverSide, clientSide] = await socketPair();
  let slices = 0;
  // When the answer's bytes are written: the slices run by then.
  let answered = 0;
  const write = serverSide.write.bind(serverSide) as (...args: unknown[]) => boolean;
  serverSide.write = (...args: unknown[]) => ((answered = slices), write(...args));
  const server = createConnection(new StreamMessageReader(serverSide), new StreamMessageWriter(serverSide));
  server.onRequest('slices', () => slices);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(clientSide), new StreamMessageWriter(clientSide));
  client.listen();
  disposals.push(() => (client.dispose(), server.dispose()));
  let running = true;
  const background = (async () => {
    while (running) {
      const end = performance.now() + 3;
      while (performance.now() < end);
      slices++;
      await turns();
    }
  })();
  while (slices < 3) await nextTurn();
  let most = 0;
  for (let i = 0; i < 10; i++) {
    const before = slices;
    const seen = await client.sendRequest<number>('slices');
    expect(seen).toBeLessThanOrEqual(answered);
    most = Math.max(most, answered - before);
  }
  running = false;
  await background;
  return most;
}

test('a request made while work runs in slices is answered after the slice under way', async () => {
  expect(await slicesBeforeAnswer(messageTurns)).toBeLessThanOrEqual(1);
});

test('giving way for one turn only, or two, the same request waits for more slices', async () => {
  expect(await slicesBeforeAnswer(nextTurn)).toBeGreaterThanOrEqual(2);
  expect(await slicesBeforeAnswer(turnsOf(2, nextTurn))).toBeGreaterThanOrEqual(2);
});
