package dev.paastis.provider.internal;

import dev.paastis.provider.ProviderException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.function.Function;

/** The messages every provider API client gives for the same kinds of failure. */
public final class ApiFailures {

  private ApiFailures() {}

  /** No HTTP answer at all, after the retries. */
  public static ProviderException unreachable(
      String provider, String api, HttpMethod method, String path, Throwable cause) {
    return new ProviderException(
        provider, api + " unreachable (" + method + " " + path + "): " + cause.getMessage(), cause);
  }

  /**
   * For {@link Future#recover}: a call that got no answer at all fails as {@link #unreachable}
   * says, naming the API and the call.
   */
  public static <T> Function<Throwable, Future<T>> whenUnreachable(
      String provider, String api, HttpMethod method, String path) {
    return failure -> Future.failedFuture(unreachable(provider, api, method, path, failure));
  }

  /** An error status the caller has no better words for. */
  public static ProviderException unexpected(
      String provider, String platform, ApiResponse response, HttpMethod method, String path) {
    return new ProviderException(
        provider,
        platform
            + " answered "
            + response.status()
            + " to "
            + method
            + " "
            + path
            + ": "
            + response.errorMessage());
  }
}
