// Entry point of the Node language server: `node dist/server.js --stdio`
// (any LSP client) or started by the VS Code extension over IPC.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { NodeFiles } from './nodeFiles';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { files: new NodeFiles() });
