package dev.paastis.provider.clevercloud;

import dev.paastis.provider.clevercloud.FakeCleverState.App;
import dev.paastis.provider.clevercloud.FakeCleverState.Deployment;
import dev.paastis.provider.clevercloud.FakeCleverState.Instance;
import dev.paastis.provider.clevercloud.FakeCleverState.Owner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The raw v2 JSON shapes of Clever Cloud (PROVIDERS.md §3: App fields, v2 Instance, deployments,
 * summary). Dates are epoch milliseconds. Called with the state lock held.
 */
final class CleverJson {

  private static final String GIT_HOST =
      "push-n3-par-clevercloud-customers.services.clever-cloud.com";

  private CleverJson() {}

  /** XS: the flavor of every instance of the fake. */
  static JsonObject flavor() {
    return new JsonObject()
        .put("name", "XS")
        .put("mem", 1024)
        .put("cpus", 1)
        .put("gpus", 0)
        .put("microservice", false)
        .put("price", 0.3436);
  }

  static JsonObject user(Owner user) {
    return new JsonObject()
        .put("id", user.id)
        .put("email", "tester@example.com")
        .put("name", user.name)
        .put("phone", null)
        .put("address", null)
        .put("city", null)
        .put("zipcode", null)
        .put("country", "FRANCE")
        .put("avatar", null)
        .put("creationDate", 1_690_000_000_000L)
        .put("lang", "EN")
        .put("emailValidated", true)
        .put("oauthApps", new JsonArray())
        .put("admin", false)
        .put("canPay", true)
        .put("preferredMFA", "NONE")
        .put("hasPassword", true);
  }

  /** The summary's view of an owner: id, name and its apps as {@code {id,name,variantSlug}}. */
  static JsonObject summaryOwner(Owner owner) {
    JsonArray apps = new JsonArray();
    owner
        .apps
        .values()
        .forEach(
            app ->
                apps.add(
                    new JsonObject()
                        .put("id", app.id)
                        .put("name", app.name)
                        .put("variantSlug", "node")
                        .put("variantLogo", "https://assets.clever-cloud.com/logos/nodejs.svg")));
    return new JsonObject()
        .put("id", owner.id)
        .put("name", owner.name)
        .put("avatar", null)
        .put("applications", apps)
        .put("addons", new JsonArray())
        .put("consumers", new JsonArray())
        .put("role", "ADMIN")
        .put("canPay", true);
  }

  static JsonObject organisation(Owner owner) {
    return new JsonObject()
        .put("id", owner.id)
        .put("name", owner.name)
        .put("description", "")
        .put("billingEmail", "billing@example.com")
        .put("avatar", null)
        .put("isTrusted", false);
  }

  static JsonObject app(App app) {
    JsonObject variant =
        new JsonObject()
            .put("id", "2b8e2cb0-9c4f-4d8b-9a6d-0f4c0f3b8d11")
            .put("slug", "node")
            .put("name", "Node")
            .put("deployType", "node")
            .put("logo", "https://assets.clever-cloud.com/logos/nodejs.svg");
    JsonObject instance =
        new JsonObject()
            .put("type", "node")
            .put("version", "20240101")
            .put("variant", variant)
            .put("minInstances", app.minInstances)
            .put("maxInstances", app.maxInstances)
            .put("maxAllowedInstances", 40)
            .put("minFlavor", flavor())
            .put("maxFlavor", flavor())
            .put("flavors", new JsonArray().add(flavor()))
            .put("defaultEnv", new JsonObject())
            .put("lifetime", "REGULAR");
    String repository = GIT_HOST + "/" + app.id + ".git";
    JsonObject deployment =
        new JsonObject()
            .put("shutdownable", false)
            .put("type", "GIT")
            .put("repoState", "CREATED")
            .put("url", "git+ssh://git@" + repository)
            .put("httpUrl", "https://" + repository);
    JsonArray vhosts = new JsonArray();
    app.vhosts.forEach(fqdn -> vhosts.add(new JsonObject().put("fqdn", fqdn)));
    Deployment lastDeploy =
        app.deployments.stream()
            .filter(candidate -> candidate.action.equals("DEPLOY"))
            .findFirst()
            .orElse(null);
    return new JsonObject()
        .put("id", app.id)
        .put("ownerId", app.ownerId)
        .put("name", app.name)
        .put("description", app.name)
        .put("zone", app.zone)
        .put("zoneId", "zone_" + app.zone)
        .put("state", app.state)
        .put("homogeneous", app.homogeneous)
        .put("instance", instance)
        .put("deployment", deployment)
        .put("vhosts", vhosts)
        .put("creationDate", app.creationDate)
        .put("last_deploy", lastDeploy == null ? 0 : lastDeploy.id)
        .put("archived", false)
        .put("stickySessions", false)
        .put("cancelOnPush", false)
        .put("separateBuild", false)
        .put("buildFlavor", null)
        .put("commitId", app.commit)
        .put("branch", "master")
        .put("forceHttps", "DISABLED")
        .put("deployUrl", "git+ssh://git@" + repository)
        .put("favourite", false)
        .put("appliance", null)
        .put("webhookUrl", null)
        .put("webhookSecret", null)
        .put("env", new JsonArray());
  }

  static JsonObject instance(App app, Instance instance) {
    return new JsonObject()
        .put("id", instance.id)
        .put("appId", app.id)
        .put("ip", instance.ip)
        .put("appPort", 8080)
        .put("state", instance.state)
        .put("flavor", flavor())
        .put("commit", instance.deployment.commit)
        .put("deployNumber", instance.deployment.id)
        .put("deployId", instance.deployment.uuid)
        .put("instanceNumber", instance.instanceNumber)
        .put("displayName", "Instance " + instance.instanceNumber)
        .put("creationDate", instance.creationDate);
  }

  static JsonObject deployment(Owner user, Deployment deployment) {
    return new JsonObject()
        .put("id", deployment.id)
        .put("uuid", deployment.uuid)
        .put("date", deployment.date)
        .put("state", deployment.state)
        .put("action", deployment.action)
        .put("commit", deployment.commit)
        .put("cause", deployment.cause)
        .put("instances", deployment.instances)
        .put("author", new JsonObject().put("id", user.id).put("name", user.name));
  }
}
