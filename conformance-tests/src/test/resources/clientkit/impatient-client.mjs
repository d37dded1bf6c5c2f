// A Node client that polls every 100 ms and keeps polling after the end: the kit's poll-interval and
// stops-at-terminal checks flag it (ShellClientGradedTest). Node 18+ (fetch).
const base = `${process.env.KIRIN_BASE_URL}/v1/videos/generations`;
const headers = { Authorization: `Bearer ${process.env.KIRIN_API_KEY}`, 'Content-Type': 'application/json' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const created = await fetch(base, {
  method: 'POST', headers,
  body: JSON.stringify({ model: process.env.KIRIN_MODEL, prompt: 'A paper boat on a pond', external_task_id: `node-${Date.now()}` }),
});
if (created.status !== 200) process.exit(1);
const { id } = await created.json();
let status = 'queued';
for (let afterEnd = 0; afterEnd < 3;) {
  await sleep(100);
  status = (await (await fetch(`${base}/${id}`, { headers })).json()).status;
  if (status === 'completed' || status === 'failed') afterEnd++;
}
process.exit(status === 'completed' ? 0 : 1);
