// Follows progressChanged with the graphql-ws client library while requests are submitted over HTTP, and checks what a
// live dashboard relies on: a snapshot at once, then snapshots in order (totals never go back, each one different from
// the one before), at most one per interval, the last one counting every submission; then the client unsubscribes and
// closes, and the socket ends with a normal closure (1000), not an error.
// Usage: node progress-live-check.mjs <graphqlUrl> --token <jwt> --citizen <jwt> --center <center id>
//          [--count <n>] [--interval-ms <ms>]
//   <graphqlUrl>   http://host/graphql (the subscription goes to ws://host/graphql, the submissions to the URL itself)
//   --token        the subscriber (an analyst, an agent...), sent as {"Authorization": "Bearer <jwt>"} in connection_init
//   --citizen      who submits the requests
//   --center       the center (its global id) the subscription is narrowed to and the requests are submitted at
//   --count        how many requests to submit (default 4)
//   --interval-ms  the server's live interval (Progress:LiveInterval, default 2000): no two snapshots closer than half of it
// Exit code: 0 on success, 1 when a check fails, 2 on usage problems or a timeout.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const token = option('--token');
const citizen = option('--citizen');
const center = option('--center');
const count = Number(option('--count') ?? 4);
const intervalMs = Number(option('--interval-ms') ?? 2000);
const [httpUrl] = args;
if (!httpUrl || !token || !citizen || !center || args.length !== 1 || !(count > 0) || !(intervalMs > 0)) {
  console.error('usage: node progress-live-check.mjs <graphqlUrl> --token <jwt> --citizen <jwt> --center <center id> [--count <n>] [--interval-ms <ms>]');
  process.exit(2);
}
const wsUrl = httpUrl.replace(/^http(s?):\/\//, 'ws$1://');

const timeout = setTimeout(() => {
  console.error('progress-live-check: timed out after 90 s');
  process.exit(2);
}, 90_000);

const SUBSCRIPTION = `subscription($where: RequestWhereInput) {
  progressChanged(where: $where, groupBy: [STATUS]) { total asOf groups { status count suppressed } } }`;
const SUBMIT = `mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
  request { id } errors { __typename ... on Error { code message } } } }`;

const problems = [];
const snapshots = [];
let closed;
let failure;
let waiter;

const client = createClient({
  url: wsUrl,
  webSocketImpl: WebSocket,
  lazy: true,
  retryAttempts: 0,
  connectionParams: { Authorization: `Bearer ${token}` },
  on: { closed: (event) => { closed = event; } },
});

/** Resolves with the first snapshot (already received or to come) that satisfies the condition. */
function snapshotWhere(condition, what) {
  const found = snapshots.find(condition);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => reject(new Error(`no snapshot ${what} within 60 s`)), 60_000);
    waiter = (snapshot) => {
      if (!condition(snapshot)) return;
      clearTimeout(limit);
      waiter = undefined;
      resolve(snapshot);
    };
  });
}

async function submit(n) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen}` },
    body: JSON.stringify({
      query: SUBMIT,
      variables: {
        in: {
          reason: 'RENEWAL',
          centerId: center,
          idempotencyKey: `progress-live-${process.pid}-${n}`,
          applicant: { givenName: 'Amira', familyName: 'Ben Salah', birthDate: '1995-02-03', nationalIdNumber: '01234567' },
        },
      },
    }),
  });
  const body = await response.json();
  if (!body.data?.submitIdCardRequest?.request?.id) throw new Error(`submission ${n} failed: ${JSON.stringify(body)}`);
}

let unsubscribe;
const ended = new Promise((resolve) => {
  unsubscribe = client.subscribe({ query: SUBSCRIPTION, variables: { where: { centerIds: [center] } } }, {
    next: (result) => {
      if (result.errors?.length) {
        failure = `the server answered errors: ${JSON.stringify(result.errors)}`;
        return;
      }
      const snapshot = { at: Date.now(), total: result.data.progressChanged.total, data: result.data.progressChanged };
      snapshots.push(snapshot);
      console.log(`snapshot ${snapshots.length}: total ${snapshot.total}`);
      waiter?.(snapshot);
    },
    error: (error) => {
      // graphql-ws reports a CloseEvent, an array of GraphQL errors, or an Error.
      failure = error?.code ? `closed ${error.code} ${error.reason}` : JSON.stringify(error?.message ?? error);
      resolve();
    },
    complete: resolve,
  });
});

try {
  const first = await snapshotWhere(() => true, 'at all');
  if (typeof first.total !== 'number') throw new Error(`the first snapshot has no total (suppressed?): ${JSON.stringify(first.data)}`);
  for (let n = 0; n < count; n++) await submit(n);
  await snapshotWhere((s) => s.total === first.total + count, `with total ${first.total + count}`);

  // In order: each snapshot a new answer, totals never going back, never two within one interval.
  for (let i = 1; i < snapshots.length; i++) {
    const [before, after] = [snapshots[i - 1], snapshots[i]];
    if (after.total < before.total) problems.push(`snapshot ${i + 1} goes back from ${before.total} to ${after.total}`);
    if (JSON.stringify(after.data.groups) === JSON.stringify(before.data.groups) && after.total === before.total) {
      problems.push(`snapshot ${i + 1} repeats snapshot ${i}`);
    }
    if (after.at - before.at < intervalMs / 2) problems.push(`snapshots ${i} and ${i + 1} arrived ${after.at - before.at} ms apart (interval ${intervalMs} ms)`);
  }
} catch (error) {
  problems.push(error.message);
} finally {
  // The client stops following (a "complete" message for the operation), then closes its socket.
  unsubscribe();
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await client.dispose();
  await new Promise((resolve) => setTimeout(resolve, 200));
  clearTimeout(timeout);
}

if (failure) problems.push(failure);
if (!closed) problems.push('the socket was never closed');
else if (closed.code !== 1000) problems.push(`the socket closed with ${closed.code} ${closed.reason}, not 1000`);
for (const problem of problems) console.error(`progress-live-check: ${problem}`);
console.log(`progress-live-check: ${snapshots.length} snapshots, totals ${snapshots.map((s) => s.total).join(' → ')}; `
  + `${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
process.exit(problems.length === 0 ? 0 : 1);
