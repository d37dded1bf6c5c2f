package com.example;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.TaskResults;
import io.kirincontract.client.model.Task;
import java.net.URI;
import java.time.Duration;

/** Your code: renders a five-second trailer with Kirin and returns the video's URL. */
public class Trailers {

  private final KirinClient kirin;

  public Trailers(KirinClient kirin) {
    this.kirin = kirin;
  }

  /** @throws io.kirincontract.client.errors.KirinTaskFailedException when the generation fails */
  public URI render(String scene) {
    Task task = kirin.create(KirinRequests.v3TextToVideo()
        .prompt(scene)
        .duration(Duration.ofSeconds(5))
        .build());
    Task done = kirin.awaitSuccess(task, Duration.ofMinutes(10));
    return TaskResults.videoUrl(done).orElseThrow();
  }
}
