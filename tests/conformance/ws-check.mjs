// Runs one operation over graphql-transport-ws with the graphql-ws client library.
// Usage: node ws-check.mjs <url> [query] [--token <jwt>] [--min-events <n>]
//   <url>   ws://host/graphql (http:// and https:// are turned into ws:// and wss://)
//   query   defaults to "{ __typename }"; a subscription is followed until the server completes it
//   --token sent as {"Authorization": "Bearer <jwt>"} in connection_init (or set ACTORS_TOKEN)
//   --min-events  fail unless at least this many results arrive (default 1)
// Exit code: 0 on success, 1 on a GraphQL or protocol error, 2 on usage problems or a timeout.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const token = option('--token') ?? process.env.ACTORS_TOKEN;
const minEvents = Number(option('--min-events') ?? 1);
const [rawUrl, query = '{ __typename }'] = args;
if (!rawUrl) {
  console.error('usage: node ws-check.mjs <url> [query] [--token <jwt>] [--min-events <n>]');
  process.exit(2);
}
const url = rawUrl.replace(/^http(s?):\/\//, 'ws$1://');

const timeout = setTimeout(() => {
  console.error(`ws-check: timed out after 20 s against ${url}`);
  process.exit(2);
}, 20_000);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: true,
  retryAttempts: 0,
  connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
});

const events = [];
let failure;
try {
  await new Promise((resolve, reject) => {
    client.subscribe({ query }, {
      next: (result) => {
        events.push(result);
        console.log(JSON.stringify(result));
      },
      error: reject,
      complete: resolve,
    });
  });
} catch (error) {
  // graphql-ws rejects with a CloseEvent, an array of GraphQL errors, or an Error.
  failure = error?.code ? `closed ${error.code} ${error.reason}` : JSON.stringify(error?.message ?? error);
} finally {
  clearTimeout(timeout);
  await client.dispose();
}

const withErrors = events.filter((result) => result.errors?.length);
const ok = !failure && withErrors.length === 0 && events.length >= minEvents;
if (failure) console.error(`ws-check: ${failure}`);
if (events.length < minEvents) console.error(`ws-check: ${events.length} results, expected at least ${minEvents}`);
console.log(`ws-check: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
