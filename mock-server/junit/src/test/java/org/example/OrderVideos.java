package org.example;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.model.Task;

/** Your code: starts the video of a shop order; the order id makes a retried create safe. */
public class OrderVideos {

  private final KirinClient kirin;
  private final String callbackUrl;

  public OrderVideos(KirinClient kirin, String callbackUrl) {
    this.kirin = kirin;
    this.callbackUrl = callbackUrl;
  }

  public Task start(String orderId, String scene) {
    return kirin.create(KirinRequests.v3TextToVideo()
        .prompt(scene)
        .externalTaskId("order-" + orderId)
        .callbackUrl(callbackUrl)
        .build());
  }
}
