package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mock API server's dispatcher: the fabric8 CRUD dispatcher (a stateful API server), plus a
 * record of every request ({@code GET /apis/apps/v1/...}) but the fake kubelet's, and an answer
 * that refuses them all.
 */
final class ApiCalls extends Dispatcher {

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int refuseWith;

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (!FakeKubelet.USER_AGENT.equals(request.getHeader("User-Agent"))) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    if (refuseWith != 0) {
      return new MockResponse()
          .setResponseCode(refuseWith)
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                  + "\"message\":\"refused by the test\",\"code\":"
                  + refuseWith
                  + "}");
    }
    return crud.dispatch(request);
  }

  /** Every later request is answered with {@code status}. */
  void refuseWith(int status) {
    refuseWith = status;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The requests made after the first {@code count}. */
  List<String> since(int count) {
    List<String> all = requests();
    return all.subList(Math.min(count, all.size()), all.size());
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
