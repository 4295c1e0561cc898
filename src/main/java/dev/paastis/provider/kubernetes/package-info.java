/**
 * The Kubernetes provider, on the fabric8 client: Deployments and StatefulSets carrying a label
 * selector are the apps, scaled to 0 and back through the scale subresource, their replicas kept in
 * an annotation on the workload. {@link dev.paastis.provider.kubernetes.KubernetesProvider} is the
 * entry point.
 *
 * <p>Informers watch the workloads and the pods of their namespaces, so that a tick's listing and a
 * wake's status readings cost no API call and see readiness as soon as the cluster reports it.
 * Requests go straight to the Service (no platform router in between), or to the URL the annotation
 * names; the default {@link dev.paastis.provider.RouterPages#GATEWAY_ERRORS} stays, since that URL
 * may well be an ingress that answers 502-504 for pods not ready.
 */
package dev.paastis.provider.kubernetes;
