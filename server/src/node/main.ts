// Entry point of the Node language server: `node dist/server.js --stdio`
// (any LSP client) or started by the VS Code extension over IPC.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS } from '../protocol/params';
import { startServer } from '../server';
import { NodeFiles } from './nodeFiles';

const connection = createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
startServer(connection, { files: new NodeFiles() });
