// Smoke test of OpenAPI Generator's typescript-fetch client against a running mock: one task of every model is
// created through the client, the mock's manual clock is moved on through its admin API, and each task is read back
// through the client, which must see it `completed` with content. Run by TypeScriptClientTest:
//   node smoke.js <mock base URL> <file holding a base64 PNG>
// Prints one line per model; exits 1 at the first task that is not as expected.
import {
  Configuration,
  Task,
  TaskStatus,
  VideoGenerationRequest,
  VideoGenerationsApi,
} from "../../../target/generated-test-sources/typescript-fetch/index";

declare const process: { argv: string[]; exitCode?: number };
declare function require(name: string): { readFileSync(path: string, encoding: string): string };

async function main(): Promise<void> {
  const [baseUrl, imageFile] = process.argv.slice(2);
  const image = require("fs").readFileSync(imageFile, "utf8").trim();
  const api = new VideoGenerationsApi(new Configuration({ basePath: baseUrl, accessToken: "typescript-fetch" }));
  const requests: VideoGenerationRequest[] = [
    { model: "kirin_v3_t2v", prompt: "A red fox in the snow" },
    { model: "kirin_v3_i2v", image, prompt: "It wakes" },
    { model: "kirin_video_o1", prompt: "A paper boat", aspectRatio: "16:9" },
    { model: "kirin_v2_master_t2v", prompt: "A flag" },
    { model: "kirin_v2_1_master_i2v", image },
  ];
  const created: Task[] = [];
  for (const request of requests) {
    const task = await api.createVideoGeneration({ videoGenerationRequest: request });
    expect(task.status === TaskStatus.Queued, `${request.model} created as ${task.status}, not queued`);
    created.push(task);
  }
  const advanced = await fetch(`${baseUrl}/__admin/clock/advance`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ duration: "PT1H" }),
  });
  expect(advanced.ok, `advancing the mock's clock answered ${advanced.status}`);
  for (const task of created) {
    const done = await api.getVideoGeneration({ taskId: task.id });
    expect(done.status === TaskStatus.Completed, `${task.model} is ${done.status}, not completed`);
    expect((done.output?.content.length ?? 0) > 0, `${task.model} completed without content`);
    console.log(`${task.model} ${task.id} completed`);
  }
}

function expect(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

main().catch((error: unknown) => {
  console.error(`typescript-fetch smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
