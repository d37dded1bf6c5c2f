package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.TaskResults;
import io.kirincontract.client.model.Task;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.junit.KirinMockTest;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// Time stands still until the test moves it: no waiting, the same result on every run.
@KirinMockTest(manualClock = true)
class TrailersOnAManualClockTest {

  @Test
  void aTaskCompletesWhenTheClockHasMovedOn(KirinClient client, ManualClock clock) {
    Task task = client.create(KirinRequests.v3TextToVideo().prompt("A paper boat").build());

    clock.advance(Duration.ofSeconds(5)); // 1 s queued, 3.5 s processing

    assertTrue(TaskResults.isCompleted(client.get(task.getId())));
  }

  @Test
  void aTaskFailsWithTheCodeTheTestChose(KirinClient client, MockAdmin admin, ManualClock clock) {
    Task task = client.create(KirinRequests.v3TextToVideo().prompt("A paper boat").build());
    admin.failTask(task.getId(), "006001099", TaskStatus.QUEUED); // "Task creation error", before processing

    clock.advance(Duration.ofSeconds(1));

    Task failed = client.get(task.getId());
    assertTrue(TaskResults.isFailed(failed));
    assertEquals("006001099", failed.getError().getCode());
  }
}
