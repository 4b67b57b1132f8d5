// Entry point of the Node language server: `node dist/server.js --stdio`
// (any LSP client, the VS Code extension among them); `--node-ipc` and the other transports the library knows work too.
import { Console } from 'node:console';
import { createConnection, Message, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { Connection, ConnectionOptions } from 'vscode-languageserver/node';
import { MessageBytes } from '../protocol/messageBytes';
import { CONNECTION_OPTIONS } from '../protocol/params';
import { startServer } from '../server';
import { NodeFiles } from './nodeFiles';

/**
 * The library's stdio connection, set up here so that its writer keeps the bytes of diagnostics sent before
 * (MessageBytes), which the library offers no other way to choose. What its own set-up does besides is done
 * here too: the server exits when its input closes, and nothing written to the console reaches stdout.
 */
function stdioConnection(): Connection {
  let shutDown = false;
  const options: ConnectionOptions = {
    ...CONNECTION_OPTIONS,
    messageStrategy: {
      handleMessage: (message, next) => {
        if (Message.isRequest(message) && message.method === 'shutdown') shutDown = true;
        return CONNECTION_OPTIONS.messageStrategy ? CONNECTION_OPTIONS.messageStrategy.handleMessage(message, next) : next(message);
      },
    },
  };
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: new MessageBytes() });
  const exit = (): never => process.exit(shutDown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  Object.assign(console, new Console(process.stderr, process.stderr));
  return createConnection(ProposedFeatures.all, reader, writer, options);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
startServer(connection, { files: new NodeFiles() });
