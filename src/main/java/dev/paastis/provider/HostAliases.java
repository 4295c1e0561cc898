package dev.paastis.provider;

import dev.paastis.app.Rule;
import java.util.List;

/**
 * A provider whose app keys cannot always be written as a Host label (Clever Cloud's {@code
 * app_<uuid>}) gives routing rules that map usable labels to them. They apply before the rules of
 * {@code paastis.yml}, which may override them. Checked with {@code instanceof}.
 */
public interface HostAliases {

  List<Rule> hostRules();
}
