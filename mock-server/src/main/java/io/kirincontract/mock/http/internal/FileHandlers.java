package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.results.internal.ResultFiles;
import io.kirincontract.mock.results.internal.ResultVideos;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.problems.Problem;

/**
 * Result downloads, {@code GET /files/{task_id}/{token}/video.mp4} (or {@code video-watermarked.mp4}): no API key,
 * the token in the URL is the secret. A file exists once its task has completed; anything else is 404.
 */
final class FileHandlers {

  private final TaskStore store;
  private final ResultFiles files;
  private final ResultVideos videos;
  private final MockClock clock;

  FileHandlers(TaskStore store, ResultFiles files, ResultVideos videos, MockClock clock) {
    this.store = store;
    this.files = files;
    this.videos = videos;
    this.clock = clock;
  }

  void download(Context ctx) {
    String name = ctx.pathParam("file");
    boolean watermarked = ResultFiles.WATERMARKED.equals(name);
    if (!watermarked && !ResultFiles.PLAIN.equals(name)) {
      throw notFound();
    }
    TaskRecord task =
        store.find(ctx.pathParam("task_id"))
            .filter(found -> files.matches(found.id(), ctx.pathParam("token")))
            .filter(found -> found.statusAt(clock.millis()) == TaskStatus.COMPLETED)
            .filter(found -> !watermarked || found.watermarked())
            .orElseThrow(FileHandlers::notFound);
    byte[] video = videos.video(task.metadata(), watermarked);
    ctx.status(200)
        .contentType("video/mp4")
        .header("Content-Disposition", "inline; filename=\"" + task.id() + "-" + name + "\"")
        .header("Cache-Control", "private, max-age=3600")
        .result(video);
  }

  private static ApiException notFound() {
    return new ApiException(Problem.of("file_not_found", "no such file; a task's files exist once it has completed"));
  }
}
