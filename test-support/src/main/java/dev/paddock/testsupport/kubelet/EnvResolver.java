package dev.paddock.testsupport.kubelet;

import dev.paddock.contract.VarExpansion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} first, then {@code env} in
 * order, each {@code value} expanded against the variables before it; {@code valueFrom} reads the
 * pod's fields or, through the API, Secrets and ConfigMaps ({@code optional} honoured).
 */
final class EnvResolver {

  private static final Pattern MAP_FIELD =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private final KubernetesClient client;

  EnvResolver(KubernetesClient client) {
    this.client = client;
  }

  Map<String, String> resolve(Pod pod, Container container, String podIp)
      throws ContainerConfigException {
    Map<String, String> env = new LinkedHashMap<>();
    String namespace = pod.getMetadata().getNamespace();
    for (EnvFromSource from :
        Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
      String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
      sourceData(namespace, from).forEach((k, v) -> env.put(prefix + k, v));
    }
    for (EnvVar var : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
      if (var.getValueFrom() == null) {
        env.put(
            var.getName(),
            VarExpansion.expand(Objects.requireNonNullElse(var.getValue(), ""), env));
        continue;
      }
      String value = valueFrom(pod, podIp, var.getName(), var.getValueFrom());
      if (value != null) {
        env.put(var.getName(), value);
      }
    }
    return env;
  }

  private Map<String, String> sourceData(String namespace, EnvFromSource from)
      throws ContainerConfigException {
    if (from.getSecretRef() != null) {
      Secret secret =
          client.secrets().inNamespace(namespace).withName(from.getSecretRef().getName()).get();
      if (secret == null) {
        return missing(
            Boolean.TRUE.equals(from.getSecretRef().getOptional()),
            "secret",
            from.getSecretRef().getName());
      }
      return secretData(secret);
    }
    ConfigMap map =
        client.configMaps().inNamespace(namespace).withName(from.getConfigMapRef().getName()).get();
    if (map == null) {
      return missing(
          Boolean.TRUE.equals(from.getConfigMapRef().getOptional()),
          "configmap",
          from.getConfigMapRef().getName());
    }
    return Objects.requireNonNullElse(map.getData(), Map.of());
  }

  private static Map<String, String> missing(boolean optional, String kind, String name)
      throws ContainerConfigException {
    if (optional) {
      return Map.of();
    }
    throw new ContainerConfigException(
        "CreateContainerConfigError", kind + " \"" + name + "\" not found");
  }

  private String valueFrom(Pod pod, String podIp, String name, EnvVarSource source)
      throws ContainerConfigException {
    if (source.getFieldRef() != null) {
      return field(pod, podIp, source.getFieldRef());
    }
    if (source.getSecretKeyRef() != null) {
      return secretKey(pod.getMetadata().getNamespace(), source.getSecretKeyRef());
    }
    if (source.getConfigMapKeyRef() != null) {
      return configMapKey(pod.getMetadata().getNamespace(), source.getConfigMapKeyRef());
    }
    throw new ContainerConfigException(
        "CreateContainerConfigError",
        "env " + name + ": this valueFrom is not supported by the harness");
  }

  private String secretKey(String namespace, SecretKeySelector ref)
      throws ContainerConfigException {
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    String value = secret == null ? null : secretData(secret).get(ref.getKey());
    return value != null
        ? value
        : absentKey(Boolean.TRUE.equals(ref.getOptional()), "secret", ref.getName(), ref.getKey());
  }

  private String configMapKey(String namespace, ConfigMapKeySelector ref)
      throws ContainerConfigException {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
    String value = map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
    return value != null
        ? value
        : absentKey(
            Boolean.TRUE.equals(ref.getOptional()), "configmap", ref.getName(), ref.getKey());
  }

  /** An optional reference that does not resolve leaves the variable unset. */
  private static String absentKey(boolean optional, String kind, String name, String key)
      throws ContainerConfigException {
    if (optional) {
      return null;
    }
    throw new ContainerConfigException(
        "CreateContainerConfigError", "couldn't find key " + key + " in " + kind + " " + name);
  }

  private static Map<String, String> secretData(Secret secret) {
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  private static String field(Pod pod, String podIp, ObjectFieldSelector ref)
      throws ContainerConfigException {
    String path = ref.getFieldPath();
    switch (path) {
      case "metadata.name":
        return pod.getMetadata().getName();
      case "metadata.namespace":
        return pod.getMetadata().getNamespace();
      case "metadata.uid":
        return pod.getMetadata().getUid();
      case "spec.nodeName":
        return pod.getSpec().getNodeName();
      case "spec.serviceAccountName":
        return pod.getSpec().getServiceAccountName();
      case "status.podIP":
      case "status.podIPs":
        return podIp;
      case "status.hostIP":
      case "status.hostIPs":
        return NodeHeartbeat.HOST_IP;
      default:
        return mapField(pod, path);
    }
  }

  private static String mapField(Pod pod, String path) throws ContainerConfigException {
    Matcher matcher = MAP_FIELD.matcher(path);
    if (!matcher.matches()) {
      throw new ContainerConfigException(
          "CreateContainerConfigError", "fieldRef " + path + " is not supported by the harness");
    }
    Map<String, String> map =
        "labels".equals(matcher.group(1))
            ? pod.getMetadata().getLabels()
            : pod.getMetadata().getAnnotations();
    return map == null ? "" : map.getOrDefault(matcher.group(2), "");
  }
}
