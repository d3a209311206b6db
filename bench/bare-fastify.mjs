// The benchmarks' peer: a bare Fastify process, no logging or hooks. Serves BODY_FILE's JSON (or a
// hello) on every GET path; prints its URL when listening, as `koers serve` does.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = process.env.BODY_FILE ? readFileSync(process.env.BODY_FILE, 'utf8') : '{"hello":"world"}';
const app = Fastify({ logger: false });
const reply = (_req, res) => res.type('application/json; charset=utf-8').send(body);
app.get('/*', reply); // the same answer whatever the path: the framework floor for any route

const address = await app.listen({ host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 0) });
console.log(`listening on ${address}`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => app.close().then(() => process.exit(0)));
