package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.Variables;
import dev.paastis.provider.CredentialsRejectedException;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection from a kubeconfig file, against the mock API server: its context and namespace are
 * used, and a refusal stops Paastis with a message naming the file and the context.
 */
class KubernetesCredentialsTest {

  @TempDir Path home;

  private final Vertx vertx = Vertx.vertx();
  private final MockCluster cluster = new MockCluster();
  private KubernetesProvider provider;

  @AfterEach
  void tearDown() {
    if (provider != null) {
      provider.close().await();
    }
    cluster.close();
    vertx.close().await();
  }

  private Path kubeconfig() throws Exception {
    Path file = home.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: tester
          user:
            token: not-a-real-token
        contexts:
        - name: dev
          context: {cluster: mock, user: tester, namespace: shop}
        current-context: dev
        """
            .formatted(cluster.client.getConfiguration().getMasterUrl()));
    return file;
  }

  private KubernetesProvider connect(Path kubeconfig) {
    KubernetesConfig settings =
        KubernetesConfig.read(
            new Variables(Map.of("KUBECONFIG", kubeconfig.toString())),
            true,
            home.resolve("no-service-account"));
    provider = KubernetesProvider.connect(vertx, settings, Clock.systemUTC());
    return provider;
  }

  @Test
  void the_kubeconfig_s_current_context_and_its_namespace_are_used() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.deployment("blog", "posts", 0, Map.of());

    var apps = connect(kubeconfig()).list().toCompletionStage().toCompletableFuture();

    assertThat(apps.get(20, TimeUnit.SECONDS)).singleElement().extracting("key").isEqualTo("front");
  }

  @Test
  void a_refused_token_fails_the_startup_check_naming_the_kubeconfig_and_its_context()
      throws Exception {
    Path file = kubeconfig();
    cluster.calls.refuseWith(401);

    var check = connect(file).verify().toCompletionStage().toCompletableFuture();

    assertThatThrownBy(() -> check.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("kubeconfig " + file + " (context dev)")
        .hasMessageContaining("(401)");
  }

  @Test
  void missing_rights_fail_the_startup_check_pointing_at_the_rbac_manifest() throws Exception {
    Path file = kubeconfig();
    cluster.calls.refuseWith(403);

    var check = connect(file).verify().toCompletionStage().toCompletableFuture();

    assertThatThrownBy(() -> check.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("(403): refused by the test")
        .hasMessageContaining("deploy/kubernetes/rbac.yaml");
  }
}
