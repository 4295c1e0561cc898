package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Whether a pod's labels match a workload's selector, as the API server decides it. */
final class Selectors {

  private Selectors() {}

  /** An empty selector matches nothing here: a workload always has one (the API requires it). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> wanted = selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    boolean empty =
        (wanted == null || wanted.isEmpty()) && (expressions == null || expressions.isEmpty());
    if (empty || labels == null) {
      return false;
    }
    if (wanted != null && !wanted.entrySet().stream().allMatch(l -> matchesLabel(l, labels))) {
      return false;
    }
    return expressions == null
        || expressions.stream().allMatch(requirement -> meets(requirement, labels));
  }

  private static boolean matchesLabel(Map.Entry<String, String> label, Map<String, String> labels) {
    return label.getValue().equals(labels.get(label.getKey()));
  }

  private static boolean meets(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
