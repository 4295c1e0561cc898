package dev.paastis.provider;

/** Who gave an HTTP answer at an app's web URL, as far as its status and headers tell. */
public enum AnswerOrigin {

  /** The app itself: it can serve requests. */
  APP,

  /** The platform's router, on the app's behalf: its error page while the app cannot answer. */
  PLATFORM,

  /**
   * Either of them: the platform's router answers so for a stopped app, and so may the app. Such an
   * answer counts as the app's only once its provider reports it running.
   */
  UNCERTAIN
}
