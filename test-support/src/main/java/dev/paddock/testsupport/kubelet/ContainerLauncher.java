package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one run of a pod's container: its environment resolved (the passed-through variables,
 * HOSTNAME, TMPDIR, the pod's service account ({@link ServiceAccountCredentials}), then the
 * container's own), its command line, a fresh termination message file (also given as {@code
 * PADDOCK_TERMINATION_LOG} unless set) and its log file.
 */
final class ContainerLauncher {

  private final HarnessContext context;
  private final Pod pod;
  private final String podIp;
  private final Path directory;

  ContainerLauncher(HarnessContext context, Pod pod, String podIp, Path directory) {
    this.context = context;
    this.pod = pod;
    this.podIp = podIp;
    this.directory = directory;
  }

  ContainerProcess launch(Container container) throws ContainerConfigException {
    Map<String, String> containerEnv = context.envResolver().resolve(pod, container, podIp);
    List<String> argv = ContainerCommand.of(container, context.entrypoints(), containerEnv);
    Map<String, String> env = new LinkedHashMap<>(context.baseEnv());
    env.put("HOSTNAME", pod.getMetadata().getName());
    env.put("TMPDIR", directory.resolve("tmp").toString());
    env.putAll(ServiceAccountCredentials.of(context.client(), pod, directory));
    env.putAll(containerEnv);
    Path termination = terminationFile(container.getName());
    env.putIfAbsent("PADDOCK_TERMINATION_LOG", termination.toString());
    try {
      Files.deleteIfExists(termination); // a fresh file for each run, like a new container
      Files.createFile(termination);
      return ContainerProcess.start(argv, env, directory, logFile(container.getName()));
    } catch (IOException | UncheckedIOException e) {
      throw new ContainerConfigException(
          "RunContainerError", "cannot start " + argv + ": " + e.getMessage());
    }
  }

  /** The file the container's terminationMessagePath is mapped to. */
  Path terminationFile(String container) {
    return directory.resolve(container + ".termination-log");
  }

  /** The container's stdout and stderr, every run appended. */
  Path logFile(String container) {
    return context
        .logDirectory()
        .resolve(
            pod.getMetadata().getNamespace()
                + "_"
                + pod.getMetadata().getName()
                + "_"
                + container
                + ".log");
  }
}
