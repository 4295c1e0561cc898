package dev.paastis.provider.kubernetes;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns what the fabric8 client throws into the provider's typed exceptions. */
final class KubernetesFailures {

  private final String connection;

  /**
   * @param connection how Paastis connects ({@link KubeConnection#describe()}), for the message of
   *     a refusal
   */
  KubernetesFailures(String connection) {
    this.connection = connection;
  }

  ProviderException translate(Throwable failure) {
    if (failure instanceof ProviderException known) {
      return known;
    }
    KubernetesClientException api = apiFailure(failure);
    if (api != null && (api.getCode() == 401 || api.getCode() == 403)) {
      return new CredentialsRejectedException(
          KubernetesProvider.NAME,
          "the Kubernetes API server refused "
              + connection
              + " ("
              + api.getCode()
              + "): "
              + reason(api)
              + (api.getCode() == 403
                  ? "; see deploy/kubernetes/rbac.yaml for the rights needed"
                  : ""));
    }
    return new ProviderException(
        KubernetesProvider.NAME, "Kubernetes API: " + reason(api == null ? failure : api), failure);
  }

  /** The first fabric8 exception in the causes, which holds the HTTP status. */
  private static KubernetesClientException apiFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException api) {
        return api;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static String reason(Throwable failure) {
    if (failure instanceof KubernetesClientException api
        && api.getStatus() != null
        && api.getStatus().getMessage() != null) {
      return api.getStatus().getMessage();
    }
    String message = failure.getMessage();
    return message == null
        ? failure.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
