package dev.paastis.provider.kubernetes;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Kubernetes provider: PROVIDER_KUBERNETES_LABEL_SELECTOR ({@code paastis.dev/enabled=true}),
 * PROVIDER_KUBERNETES_NAMESPACES (the context's namespace; {@code *} for all),
 * PROVIDER_KUBERNETES_OPERATION_TIMEOUT (120s), and the connection (KUBECONFIG, the service
 * account, ~/.kube/config), resolved only when the provider runs: reading a kubeconfig may run its
 * credential plugin.
 *
 * @param namespaces as set; empty means the connection's namespace
 */
record KubernetesConfig(
    String labelSelector,
    Optional<Namespaces> namespaces,
    Duration operationTimeout,
    Optional<KubeConnection> connection)
    implements ProviderSettings {

  static final String LABEL_SELECTOR = "PROVIDER_KUBERNETES_LABEL_SELECTOR";

  static final String DEFAULT_SELECTOR = "paastis.dev/enabled=true";

  static KubernetesConfig read(Variables variables, boolean enabled) {
    return read(variables, enabled, KubeConnection.SERVICE_ACCOUNT);
  }

  static KubernetesConfig read(Variables variables, boolean enabled, Path serviceAccount) {
    Optional<KubeConnection> connection =
        enabled ? Optional.of(KubeConnection.resolve(variables, serviceAccount)) : Optional.empty();
    var entries = variables.list(Namespaces.VARIABLE);
    Optional<Namespaces> namespaces =
        entries.isEmpty() ? Optional.empty() : Optional.of(Namespaces.parse(entries));
    return new KubernetesConfig(
        LabelSelectorSyntax.check(LABEL_SELECTOR, variables.get(LABEL_SELECTOR, DEFAULT_SELECTOR)),
        namespaces,
        variables.positiveDuration("PROVIDER_KUBERNETES_OPERATION_TIMEOUT", "120s", SECONDS),
        connection);
  }

  /** The namespaces to watch: as set, else the connection's. */
  Namespaces watched() {
    return namespaces.orElseGet(
        () -> Namespaces.of(connection.map(KubeConnection::namespace).orElse(Namespaces.DEFAULT)));
  }

  /**
   * The variables as they would read back (the namespaces as set: empty means the context's), and
   * the connection, which no single variable sets, as {@code kubernetes.connection} when the
   * provider runs.
   */
  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept(LABEL_SELECTOR, labelSelector);
    line.accept(Namespaces.VARIABLE, namespaces.map(Namespaces::toString).orElse(""));
    line.accept("PROVIDER_KUBERNETES_OPERATION_TIMEOUT", operationTimeout);
    connection.ifPresent(
        used ->
            line.accept("kubernetes.connection", used.describe() + ", namespaces " + watched()));
  }
}
