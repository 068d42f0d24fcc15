package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A pod's service account credentials, as the kubelet's projected token volume gives them: a token
 * bound to the pod (TokenRequest), the cluster's CA and the pod's namespace, in {@code <pod
 * dir>/serviceaccount/}. The harness mounts no volumes, so a container finds them through {@code
 * KUBECONFIG}, a kubeconfig in the same directory that every Kubernetes client reads; the pod's
 * process talks to the API server as {@code system:serviceaccount:<namespace>:<name>}, with the
 * permissions its RBAC grants and no others. Skipped, as by the kubelet, when {@code
 * automountServiceAccountToken} is false on the pod, or on its ServiceAccount and not set on the
 * pod; and, unlike the kubelet, when the ServiceAccount does not exist (a test cluster without the
 * controller that creates each namespace's {@code default}), so that such pods still run.
 */
final class ServiceAccountCredentials {

  /** A projected token's default lifetime; the harness does not rotate it. */
  private static final long TOKEN_SECONDS = 3600;

  private ServiceAccountCredentials() {}

  /**
   * Writes the pod's credentials under {@code directory} (once per pod) and returns the variables
   * that point a container at them; none when the pod mounts no token.
   *
   * @throws ContainerConfigException when the token is refused or cannot be written: the kubelet
   *     leaves the container waiting, and the harness tries again
   */
  static Map<String, String> of(KubernetesClient client, Pod pod, Path directory)
      throws ContainerConfigException {
    String namespace = pod.getMetadata().getNamespace();
    String name = serviceAccountName(pod);
    Path kubeconfig = directory.resolve("serviceaccount").resolve("kubeconfig");
    if (Files.isRegularFile(kubeconfig)) {
      return Map.of("KUBECONFIG", kubeconfig.toString());
    }
    ServiceAccount account = client.serviceAccounts().inNamespace(namespace).withName(name).get();
    if (account == null || !mounts(pod, account)) {
      return Map.of();
    }
    String token = token(client, pod, name);
    try {
      Path dir = Files.createDirectories(kubeconfig.getParent());
      Files.writeString(dir.resolve("token"), token);
      Files.write(dir.resolve("ca.crt"), caCertificate(client.getConfiguration()));
      Files.writeString(dir.resolve("namespace"), namespace);
      Path partial = dir.resolve("kubeconfig.partial");
      Files.writeString(
          partial, kubeconfig(client.getConfiguration().getMasterUrl(), dir, token, namespace));
      Files.move(partial, kubeconfig);
    } catch (IOException e) {
      throw new ContainerConfigException(
          "CreateContainerConfigError", "cannot write the service account token: " + e);
    }
    return Map.of("KUBECONFIG", kubeconfig.toString());
  }

  private static String serviceAccountName(Pod pod) {
    String name = pod.getSpec().getServiceAccountName();
    return name == null || name.isEmpty() ? "default" : name;
  }

  private static boolean mounts(Pod pod, ServiceAccount account) {
    Boolean onPod = pod.getSpec().getAutomountServiceAccountToken();
    if (onPod != null) {
      return onPod;
    }
    return !Boolean.FALSE.equals(account.getAutomountServiceAccountToken());
  }

  private static String token(KubernetesClient client, Pod pod, String account)
      throws ContainerConfigException {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(TOKEN_SECONDS)
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    try {
      return client
          .serviceAccounts()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(account)
          .tokenRequest(request)
          .getStatus()
          .getToken();
    } catch (KubernetesClientException e) {
      throw new ContainerConfigException(
          "CreateContainerConfigError",
          "cannot get a token for serviceaccount \"" + account + "\": " + e.getMessage());
    }
  }

  private static byte[] caCertificate(Config config) throws IOException {
    if (config.getCaCertData() != null && !config.getCaCertData().isEmpty()) {
      return Base64.getDecoder().decode(config.getCaCertData());
    }
    return Files.readAllBytes(Path.of(config.getCaCertFile()));
  }

  private static String kubeconfig(String server, Path dir, String token, String namespace) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: cluster
          cluster: {server: "%s", certificate-authority: "%s"}
        users:
        - name: serviceaccount
          user: {token: "%s"}
        contexts:
        - name: pod
          context: {cluster: cluster, user: serviceaccount, namespace: "%s"}
        current-context: pod
        """;
    return String.format(
        yaml, server.replaceAll("/$", ""), dir.resolve("ca.crt"), token, namespace);
  }
}
