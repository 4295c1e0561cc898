package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import dev.paastis.config.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes provider's variables and where its connection comes from. */
class KubernetesConfigTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters: [{name: c, cluster: {server: 'https://k8s.example.com:6443'}}]
      users: [{name: u, user: {token: t}}]
      contexts: [{name: %s, context: {cluster: c, user: u, namespace: %s}}]
      current-context: %s
      """;

  @TempDir Path dir;

  private Path kubeconfig(String name, String context, String namespace) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, KUBECONFIG.formatted(context, namespace, context));
    return file;
  }

  private Path serviceAccount(String namespace) throws Exception {
    Path account = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(account.resolve("token"), "pod-token");
    Files.writeString(account.resolve("namespace"), namespace + "\n");
    return account;
  }

  private KubernetesConfig read(Map<String, String> variables, Path serviceAccount) {
    return KubernetesConfig.read(new Variables(variables), true, serviceAccount);
  }

  private static Map<String, String> describe(KubernetesConfig config) {
    Map<String, String> lines = new LinkedHashMap<>();
    config.describe((name, value) -> lines.put(name, String.valueOf(value)));
    return lines;
  }

  @Test
  void defaults_watch_the_context_s_namespace_for_the_paastis_label() throws Exception {
    Path file = kubeconfig("config", "dev", "shop");

    KubernetesConfig config = read(Map.of("KUBECONFIG", file.toString()), dir.resolve("none"));

    assertThat(config.labelSelector()).isEqualTo("paastis.dev/enabled=true");
    assertThat(config.watched()).isEqualTo(Namespaces.of("shop"));
    assertThat(config.operationTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(describe(config))
        .containsEntry("PROVIDER_KUBERNETES_NAMESPACES", "")
        .containsEntry(
            "kubernetes.connection", "kubeconfig " + file + " (context dev), namespaces shop");
  }

  @Test
  void namespaces_selector_and_timeout_are_read() throws Exception {
    Path file = kubeconfig("config", "dev", "shop");

    KubernetesConfig config =
        read(
            Map.of(
                "KUBECONFIG", file.toString(),
                "PROVIDER_KUBERNETES_NAMESPACES", "blog, shop",
                "PROVIDER_KUBERNETES_LABEL_SELECTOR", "tier=review",
                "PROVIDER_KUBERNETES_OPERATION_TIMEOUT", "45"),
            dir.resolve("none"));

    assertThat(config.watched()).isEqualTo(Namespaces.of("blog", "shop"));
    assertThat(config.labelSelector()).isEqualTo("tier=review");
    assertThat(config.operationTimeout()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void a_star_watches_every_namespace_and_must_stand_alone() throws Exception {
    Path file = kubeconfig("config", "dev", "shop");
    Map<String, String> all =
        Map.of("KUBECONFIG", file.toString(), "PROVIDER_KUBERNETES_NAMESPACES", "*");

    assertThat(read(all, dir.resolve("none")).watched().all()).isTrue();
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "KUBECONFIG", file.toString(), "PROVIDER_KUBERNETES_NAMESPACES", "*,shop"),
                    dir.resolve("none")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("PROVIDER_KUBERNETES_NAMESPACES=*,shop mixes * with names: expected * alone");
  }

  @Test
  void a_label_selector_kubectl_would_refuse_stops_paastis_when_it_loads() throws Exception {
    Path file = kubeconfig("config", "dev", "shop");

    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "KUBECONFIG",
                        file.toString(),
                        "PROVIDER_KUBERNETES_LABEL_SELECTOR",
                        "paastis.dev/enabled=true;team=web"),
                    dir.resolve("none")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "PROVIDER_KUBERNETES_LABEL_SELECTOR=paastis.dev/enabled=true;team=web is not valid");
  }

  @Test
  void kubeconfig_wins_then_the_service_account_then_the_home_kubeconfig() throws Exception {
    Path named = kubeconfig("named", "named-context", "a");
    Files.createDirectories(dir.resolve(".kube"));
    Files.writeString(
        dir.resolve(".kube/config"), KUBECONFIG.formatted("home-context", "b", "home-context"));
    Path account = serviceAccount("pods-namespace");
    Map<String, String> inCluster =
        Map.of("HOME", dir.toString(), "KUBERNETES_SERVICE_HOST", "10.0.0.1");

    KubeConnection explicit =
        read(Map.of("KUBECONFIG", named.toString(), "KUBERNETES_SERVICE_HOST", "10.0.0.1"), account)
            .connection()
            .orElseThrow();
    KubeConnection pod = read(inCluster, account).connection().orElseThrow();
    KubeConnection home = read(Map.of("HOME", dir.toString()), account).connection().orElseThrow();

    assertThat(explicit.context()).contains("named-context");
    assertThat(pod.describe()).startsWith("the pod's service account");
    assertThat(pod.namespace()).isEqualTo("pods-namespace");
    assertThat(pod.client().getMasterUrl()).startsWith("https://10.0.0.1:443");
    assertThat(home.context()).contains("home-context");
    assertThat(home.namespace()).isEqualTo("b");
  }

  @Test
  void no_cluster_to_connect_to_is_a_config_error_naming_what_was_looked_for() {
    assertThatThrownBy(() -> read(Map.of("HOME", dir.toString()), dir.resolve("none")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("PROVIDER_NAME=kubernetes but no cluster to connect to")
        .hasMessageContaining("KUBECONFIG is not set")
        .hasMessageContaining(dir.resolve(".kube").resolve("config").toString());
  }

  @Test
  void a_kubeconfig_variable_naming_no_file_is_a_config_error() {
    assertThatThrownBy(() -> read(Map.of("KUBECONFIG", "/nowhere/config"), dir.resolve("none")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("KUBECONFIG=/nowhere/config names no kubeconfig file that exists");
  }

  @Test
  void when_not_chosen_nothing_is_read_from_the_machine() {
    KubernetesConfig config =
        KubernetesConfig.read(new Variables(Map.of("KUBECONFIG", "/nowhere/config")), false);

    assertThat(config.connection()).isEmpty();
  }
}
