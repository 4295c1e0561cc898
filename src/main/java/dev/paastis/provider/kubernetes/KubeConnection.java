package dev.paastis.provider.kubernetes;

import dev.paastis.config.ConfigException;
import dev.paastis.config.Variables;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the cluster and its credentials come from, in the order of controller-runtime (the library
 * most Kubernetes controllers are built on): the file KUBECONFIG names, else the pod's service
 * account when Paastis runs in a cluster, else {@code ~/.kube/config}; a kubeconfig is used with
 * its current context.
 *
 * @param kubeconfig the kubeconfig file, empty for the service account
 * @param context the kubeconfig's current context, empty for the service account
 * @param namespace the context's namespace (or the pod's), {@code default} when it names none
 * @param client how the fabric8 client connects
 */
record KubeConnection(
    Optional<Path> kubeconfig, Optional<String> context, String namespace, Config client) {

  /** Where a pod's service account is mounted. */
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /** The file, context and namespace, or the service account: for messages and config check. */
  String describe() {
    return kubeconfig
        .map(
            file ->
                "kubeconfig "
                    + file
                    + context
                        .map(name -> " (context " + name + ")")
                        .orElse(" (no current context)"))
        .orElse("the pod's service account (" + SERVICE_ACCOUNT + ")");
  }

  static KubeConnection resolve(Variables variables, Path serviceAccount) {
    Optional<String> named = variables.get("KUBECONFIG");
    if (named.isPresent()) {
      return fromFile(
          Arrays.stream(named.get().split(":"))
              .filter(path -> !path.isBlank())
              .map(Path::of)
              .filter(Files::isRegularFile)
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "KUBECONFIG=" + named.get() + " names no kubeconfig file that exists")));
    }
    if (variables.isSet("KUBERNETES_SERVICE_HOST")
        && Files.isRegularFile(serviceAccount.resolve("token"))) {
      return inCluster(variables, serviceAccount);
    }
    Path home = Path.of(variables.get("HOME", System.getProperty("user.home")));
    Path standard = home.resolve(".kube").resolve("config");
    if (Files.isRegularFile(standard)) {
      return fromFile(standard);
    }
    throw new ConfigException(
        "PROVIDER_NAME=kubernetes but no cluster to connect to: KUBECONFIG is not set, no"
            + " service account is mounted at "
            + serviceAccount
            + " (with KUBERNETES_SERVICE_HOST set), and "
            + standard
            + " does not exist");
  }

  private static KubeConnection fromFile(Path file) {
    Config config;
    try {
      config = Config.fromKubeconfig(null, file.toFile());
    } catch (RuntimeException unreadable) {
      throw new ConfigException(
          "kubeconfig " + file + " cannot be read: " + firstLine(unreadable.getMessage()));
    }
    Optional<String> context =
        Optional.ofNullable(config.getCurrentContext()).map(named -> named.getName());
    return new KubeConnection(Optional.of(file), context, namespaceOf(config), config);
  }

  /**
   * The API server from KUBERNETES_SERVICE_HOST/PORT, the cluster's CA and the token of the mounted
   * service account. The token is read again every minute: the kubelet rotates it.
   */
  private static KubeConnection inCluster(Variables variables, Path serviceAccount) {
    String host = variables.get("KUBERNETES_SERVICE_HOST").orElseThrow();
    String port = variables.get("KUBERNETES_SERVICE_PORT", "443");
    Path namespaceFile = serviceAccount.resolve("namespace");
    String namespace =
        Files.isRegularFile(namespaceFile) ? read(namespaceFile).trim() : Namespaces.DEFAULT;
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
            .withCaCertFile(serviceAccount.resolve("ca.crt").toString())
            .withOauthTokenProvider(new TokenFile(serviceAccount.resolve("token")))
            .withNamespace(namespace)
            .build();
    return new KubeConnection(Optional.empty(), Optional.empty(), namespace, config);
  }

  private static String namespaceOf(Config config) {
    String namespace = config.getNamespace();
    return namespace == null || namespace.isBlank() ? Namespaces.DEFAULT : namespace;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}
