// Started twice at once by migrate.test.ts: one process of the server or the worker, reduced to its start.
import { openDatabase } from '../client.js';
import { migrateToLatest } from '../migrate.js';

const handle = openDatabase({ dataDir: process.argv[2] });
const { applied } = await migrateToLatest(handle.db);
await handle.destroy();
process.stdout.write(JSON.stringify(applied));
