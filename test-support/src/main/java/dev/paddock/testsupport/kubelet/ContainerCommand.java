package dev.paddock.testsupport.kubelet;

import dev.paddock.contract.VarExpansion;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line a container runs: its {@code command} if set, else its image's entrypoint (the
 * longest image-name prefix in the harness's map), followed by its {@code args}; each word {@code
 * $(VAR)}-expanded against the container's environment, as the kubelet does.
 */
final class ContainerCommand {

  private ContainerCommand() {}

  static List<String> of(
      Container container, Map<String, List<String>> entrypoints, Map<String, String> env)
      throws ContainerConfigException {
    List<String> argv = new ArrayList<>();
    List<String> command = Objects.requireNonNullElse(container.getCommand(), List.of());
    if (command.isEmpty()) {
      argv.addAll(entrypoint(container.getImage(), entrypoints));
    } else {
      command.forEach(word -> argv.add(VarExpansion.expand(word, env)));
    }
    Objects.requireNonNullElse(container.getArgs(), List.<String>of())
        .forEach(word -> argv.add(VarExpansion.expand(word, env)));
    return argv;
  }

  private static List<String> entrypoint(String image, Map<String, List<String>> entrypoints)
      throws ContainerConfigException {
    String name = Objects.requireNonNullElse(image, "");
    return entrypoints.entrySet().stream()
        .filter(e -> name.startsWith(e.getKey()))
        .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
        .map(Map.Entry::getValue)
        .orElseThrow(
            () ->
                new ContainerConfigException(
                    "ErrImagePull",
                    "image "
                        + name
                        + " has no command and no entrypoint in the harness's map "
                        + entrypoints.keySet()));
  }
}
