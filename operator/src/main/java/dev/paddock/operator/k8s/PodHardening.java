package dev.paddock.operator.k8s;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The restricted Pod Security Standard as defaults for the pods Paddock renders (trial Jobs and
 * serving Deployments): seccomp {@code RuntimeDefault}, no privilege escalation, every capability
 * dropped, non-root. Field by field, only where the user's template leaves a field unset: an
 * explicit choice always wins (e.g. {@code runAsUser: 0} or {@code runAsNonRoot: false} for an
 * image that must run as root, {@code seccompProfile: Unconfined}, {@code privileged: true}, its
 * own {@code capabilities.drop}). Defaults that the API server would refuse beside an explicit
 * choice are left out: no {@code allowPrivilegeEscalation: false} for a privileged container or one
 * that adds {@code SYS_ADMIN}, no {@code runAsNonRoot} where the user runs as uid 0.
 */
public final class PodHardening {

  static final String RUNTIME_DEFAULT = "RuntimeDefault";

  private PodHardening() {}

  /** Applies the defaults to the pod and every container and init container, in place. */
  public static void apply(PodSpec pod) {
    PodSecurityContext podContext =
        Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
    if (podContext.getSeccompProfile() == null) {
      podContext.setSeccompProfile(new SeccompProfileBuilder().withType(RUNTIME_DEFAULT).build());
    }
    List<Container> all = new ArrayList<>();
    all.addAll(Objects.requireNonNullElse(pod.getInitContainers(), List.of()));
    all.addAll(Objects.requireNonNullElse(pod.getContainers(), List.of()));
    boolean anyRoot = all.stream().anyMatch(c -> choosesRoot(c, podContext));
    for (Container container : all) {
      container.setSecurityContext(harden(container.getSecurityContext(), podContext));
    }
    if (podContext.getRunAsNonRoot() == null && !anyRoot) {
      podContext.setRunAsNonRoot(true);
    }
    pod.setSecurityContext(podContext);
  }

  private static SecurityContext harden(SecurityContext given, PodSecurityContext pod) {
    SecurityContext context = Objects.requireNonNullElseGet(given, SecurityContext::new);
    boolean privileged = Boolean.TRUE.equals(context.getPrivileged());
    Capabilities capabilities =
        Objects.requireNonNullElseGet(context.getCapabilities(), Capabilities::new);
    List<String> added = Objects.requireNonNullElse(capabilities.getAdd(), List.of());
    if (context.getAllowPrivilegeEscalation() == null
        && !privileged
        && !added.contains("SYS_ADMIN")
        && !added.contains("CAP_SYS_ADMIN")) {
      context.setAllowPrivilegeEscalation(false);
    }
    if (empty(capabilities.getDrop()) && !privileged) {
      capabilities.setDrop(List.of("ALL"));
    }
    if (!empty(capabilities.getDrop()) || !empty(capabilities.getAdd())) {
      context.setCapabilities(capabilities);
    }
    if (context.getRunAsNonRoot() == null && pod.getRunAsNonRoot() == null && !root(context, pod)) {
      context.setRunAsNonRoot(true);
    }
    return context;
  }

  private static boolean empty(List<String> list) {
    return list == null || list.isEmpty();
  }

  private static boolean choosesRoot(Container container, PodSecurityContext pod) {
    SecurityContext context =
        Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
    return Boolean.FALSE.equals(context.getRunAsNonRoot()) || root(context, pod);
  }

  private static boolean root(SecurityContext container, PodSecurityContext pod) {
    Long user = container.getRunAsUser() != null ? container.getRunAsUser() : pod.getRunAsUser();
    return user != null && user == 0L;
  }
}
