package dev.paastis.provider;

/**
 * A provider whose API calls are rationed (Heroku's pool of calls, shared by the whole account):
 * work that can wait, such as stopping idle apps, asks before it spends calls, so that wakes keep
 * theirs. A provider without it always has calls to spare. Checked with {@code instanceof}.
 */
public interface CallBudget {

  /** Whether calls may be spent now on work that can wait for a later tick. */
  boolean hasCallsToSpare();

  /** The provider's answer when it rations its calls; a provider that does not always has some. */
  static boolean spareOf(Provider provider) {
    return !(provider instanceof CallBudget budget) || budget.hasCallsToSpare();
  }
}
