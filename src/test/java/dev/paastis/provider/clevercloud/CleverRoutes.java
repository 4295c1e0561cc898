package dev.paastis.provider.clevercloud;

import dev.paastis.provider.clevercloud.FakeCleverState.App;
import dev.paastis.provider.clevercloud.FakeCleverState.Deployment;
import dev.paastis.provider.clevercloud.FakeCleverState.Owner;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/** The v2 routes the fake serves, after authentication and fault injection. */
final class CleverRoutes {

  static final String DEPLOYED = "The application has been deployed";
  static final String STOPPED = "The application has been stopped";
  static final String MODERATED_MESSAGE = "The application is moderated";
  static final String DEFAULT_OF_PAYMENT_MESSAGE =
      "The owner of the application is in default of payment";

  private final FakeCleverState state;

  CleverRoutes(FakeCleverState state) {
    this.state = state;
  }

  /** Serves {@code path} (without the query); {@code params} are the decoded query parameters. */
  CleverReply route(HttpMethod method, String path, MultiMap params) {
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length < 2 || !parts[0].equals("v2")) {
      return CleverReply.endpointNotFound();
    }
    synchronized (state) {
      List<String> rest = Arrays.asList(parts).subList(1, parts.length);
      String first = rest.get(0);
      if (rest.size() == 1 && method == HttpMethod.GET) {
        switch (first) {
          case "self":
            return CleverReply.ok(CleverJson.user(state.user()));
          case "summary":
            return CleverReply.ok(summary());
          case "organisations":
            JsonArray organisations = new JsonArray();
            state
                .organisations()
                .forEach(owner -> organisations.add(CleverJson.organisation(owner)));
            return CleverReply.ok(organisations);
          default:
            return CleverReply.endpointNotFound();
        }
      }
      if (first.equals("self") && rest.size() >= 2 && rest.get(1).equals("applications")) {
        return applications(method, state.user(), rest.subList(2, rest.size()), params);
      }
      if (first.equals("organisations") && rest.size() >= 3 && rest.get(2).equals("applications")) {
        Owner owner = state.owner(rest.get(1));
        if (owner == null) {
          return rest.size() > 3 ? CleverReply.appNotFound() : CleverReply.organisationNotFound();
        }
        return applications(method, owner, rest.subList(3, rest.size()), params);
      }
      return CleverReply.endpointNotFound();
    }
  }

  /**
   * The summary: the user with its apps, then every organisation, the personal space first (an
   * entry with the user's id, as the real API may send; clever-client filters it out).
   */
  private JsonObject summary() {
    Owner user = state.user();
    JsonObject userEntry = CleverJson.summaryOwner(user);
    userEntry.put("email", "tester@example.com");
    JsonArray organisations = new JsonArray().add(CleverJson.summaryOwner(user));
    state.organisations().forEach(owner -> organisations.add(CleverJson.summaryOwner(owner)));
    return new JsonObject().put("user", userEntry).put("organisations", organisations);
  }

  private CleverReply applications(
      HttpMethod method, Owner owner, List<String> rest, MultiMap params) {
    if (rest.isEmpty()) {
      if (method != HttpMethod.GET) {
        return CleverReply.endpointNotFound();
      }
      JsonArray apps = new JsonArray();
      owner.apps.values().forEach(app -> apps.add(CleverJson.app(app)));
      return CleverReply.ok(apps);
    }
    App app = state.find(owner.id, rest.get(0));
    if (app == null) {
      return CleverReply.appNotFound();
    }
    String route = method.name() + " " + String.join("/", rest.subList(1, rest.size()));
    if (rest.size() == 3 && rest.get(1).equals("deployments") && method == HttpMethod.GET) {
      Deployment deployment = app.deployment(rest.get(2));
      return deployment == null
          ? CleverReply.deploymentNotFound()
          : CleverReply.ok(CleverJson.deployment(state.user(), deployment));
    }
    return switch (route) {
      case "GET " -> CleverReply.ok(CleverJson.app(app));
      case "GET instances" -> CleverReply.ok(instances(app, params.get("deploymentId")));
      case "POST instances" -> start(app);
      case "DELETE instances" -> stop(app);
      case "GET deployments" -> CleverReply.ok(deployments(app, params));
      case "GET vhosts" -> CleverReply.ok(vhosts(app));
      default -> CleverReply.endpointNotFound();
    };
  }

  private CleverReply start(App app) {
    CleverReply refusal = refusal(app);
    if (refusal != null) {
      return refusal;
    }
    Deployment deployment = state.deploy(app);
    CleverReply reply = CleverReply.success(DEPLOYED);
    ((JsonObject) reply.body()).put("deploymentId", deployment.uuid);
    return reply;
  }

  private CleverReply stop(App app) {
    CleverReply refusal = refusal(app);
    if (refusal != null) {
      return refusal;
    }
    state.undeploy(app);
    return CleverReply.success(STOPPED);
  }

  /** The 403 of a start or stop of a moderated or unpaid app, or null. */
  private static CleverReply refusal(App app) {
    return switch (app.state) {
      case FakeCleverState.MODERATED -> CleverReply.error(403, 403, MODERATED_MESSAGE);
      case FakeCleverState.DEFAULT_OF_PAYMENT ->
          CleverReply.error(403, 403, DEFAULT_OF_PAYMENT_MESSAGE);
      default -> null;
    };
  }

  private static JsonArray instances(App app, String deploymentId) {
    JsonArray array = new JsonArray();
    app.instances.stream()
        .filter(
            instance ->
                deploymentId == null
                    || instance.deployment.uuid.equals(deploymentId)
                    || String.valueOf(instance.deployment.id).equals(deploymentId))
        .forEach(instance -> array.add(CleverJson.instance(app, instance)));
    return array;
  }

  private JsonArray deployments(App app, MultiMap params) {
    int offset = number(params.get("offset"), 0);
    int limit = number(params.get("limit"), Integer.MAX_VALUE);
    String action = params.get("action");
    JsonArray array = new JsonArray();
    app.deployments.stream()
        .filter(deployment -> action == null || deployment.action.equals(action))
        .skip(offset)
        .limit(limit)
        .forEach(deployment -> array.add(CleverJson.deployment(state.user(), deployment)));
    return array;
  }

  private static JsonArray vhosts(App app) {
    JsonArray array = new JsonArray();
    app.vhosts.forEach(fqdn -> array.add(new JsonObject().put("fqdn", fqdn)));
    return array;
  }

  private static int number(String value, int otherwise) {
    if (value == null) {
      return otherwise;
    }
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
