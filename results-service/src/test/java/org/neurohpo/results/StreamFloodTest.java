package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * A flood of live-stream clients is bounded: per study and in total (the test profile allows 4 and
 * 12), later ones are refused with 503, and closed streams free their places.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class StreamFloodTest {
  @TestHTTPResource("/")
  URI root;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<InputStream> open(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(root.resolve(path))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  void streamsAreBoundedPerStudyAndInTotal() throws Exception {
    List<HttpResponse<InputStream>> open = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        HttpResponse<InputStream> r = open("studies/flood/events");
        assertThat(r.statusCode()).isEqualTo(200);
        open.add(r);
      }
      assertThat(open("studies/flood/events").statusCode()).as("5th on one study").isEqualTo(503);
      // other test classes of this application may hold streams open too: open more until the
      // total limit refuses one, which must come by the 12th in all
      int others = 0;
      int status = 200;
      while (status == 200 && others < 20) {
        HttpResponse<InputStream> r = open("studies/other-" + others + "/events");
        status = r.statusCode();
        if (status == 200) {
          open.add(r);
          others++;
        } else {
          r.body().close();
        }
      }
      assertThat(status).as("refused past the total").isEqualTo(503);
      assertThat(4 + others).as("streams open at the total limit").isLessThanOrEqualTo(12);
      assertThat(open("studies/overview/stream").statusCode()).as("overview too").isEqualTo(503);
    } finally {
      for (HttpResponse<InputStream> r : open) {
        r.body().close();
      }
    }
    // the places come back once the clients are gone
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      HttpResponse<InputStream> r = open("studies/flood/events");
      status = r.statusCode();
      r.body().close();
    }
    assertThat(status).isEqualTo(200);
  }
}
