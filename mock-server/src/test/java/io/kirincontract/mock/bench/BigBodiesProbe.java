package io.kirincontract.mock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The memory probe of issue 13 at full size: CLIENTS concurrent create bodies of SIZE bytes (a valid request padded
 * with an unknown property) sent at once to a mock on 127.0.0.1:PORT; prints the statuses, the total time and the
 * slowest {@code 503}. Not a test: run it against the jar, for the figures in docs/robustness.md. Loopback only.
 *
 * <p>Usage: {@code java -Xmx2g -jar mock-server/target/kirin-mock-server.jar --port 18080 --request-log off}, then
 * {@code java -cp mock-server/target/test-classes io.kirincontract.mock.bench.BigBodiesProbe 18080 28 125000000}.
 */
public final class BigBodiesProbe {

  private BigBodiesProbe() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    int size = Integer.parseInt(args[2]);
    String start = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"padding\":\"";
    String end = "\"}";
    byte[] body = (start + "p".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
    byte[] head = ("POST /v1/videos/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      results.add(pool.submit(() -> {
        go.await();
        long t0 = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          s.setSoTimeout(120_000);
          try {
            OutputStream out = s.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
          } catch (IOException stoppedReading) {
            // the mock answered 503 (or 413) without reading the body: read that answer
          }
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
          String status = in.readLine();
          for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            // headers: the status line and the start of the body are what the probe reports
          }
          char[] opening = new char[90];
          int read = in.read(opening);
          String answer = read > 0 ? new String(opening, 0, read) : "";
          String code = status == null ? "none" : status.split(" ")[1];
          return code + " " + ((System.nanoTime() - t0) / 1_000_000) + "ms " + answer;
        } catch (IOException e) {
          return "io " + e;
        }
      }));
    }
    long t0 = System.nanoTime();
    go.countDown();
    Map<String, Integer> counts = new TreeMap<>();
    long max503 = 0;
    for (Future<String> f : results) {
      String r = f.get();
      String code = r.split(" ")[0];
      counts.merge(code, 1, Integer::sum);
      if (code.equals("503")) max503 = Math.max(max503, Long.parseLong(r.split(" ")[1].replace("ms", "")));
      if (!code.equals("503") && !code.equals("200")) System.out.println(r);
    }
    System.out.println(clients + " x " + size + " bytes: " + counts + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms; slowest 503 " + max503 + " ms");
    for (Future<String> f : results.subList(0, Math.min(3, results.size()))) {
      System.out.println("  e.g. " + f.get());
    }
    pool.shutdown();
  }
}
