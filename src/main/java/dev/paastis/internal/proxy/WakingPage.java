package dev.paastis.internal.proxy;

/** The self-refreshing page a browser gets while its app wakes up. */
final class WakingPage {

  static final int REFRESH_SECONDS = 2;

  private WakingPage() {}

  static String render(String app) {
    String name = Html.escape(app);
    return Html.page(
        app + " is waking up",
        "<div class=\"spinner\"></div><h1>Waking up <code>" + name + "</code>…</h1>",
        "<p>This app was asleep to save resources. It is starting now, which can take from a"
            + " few seconds to a couple of minutes depending on its platform. This page reloads"
            + " by itself every "
            + REFRESH_SECONDS
            + " seconds and shows the app as soon as it answers.</p>",
        "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">\n");
  }
}
