package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every pod of one harness shares: the API client, the status writer, the environment
 * resolver, the image entrypoints, the environment passed through from the test JVM, threads for
 * containers and probes, and the directories for pods and logs.
 */
record HarnessContext(
    KubernetesClient client,
    PodStatusWriter writer,
    EnvResolver envResolver,
    Map<String, List<String>> entrypoints,
    Map<String, String> baseEnv,
    ExecutorService containerThreads,
    ScheduledExecutorService probeThreads,
    Path podsDirectory,
    Path logDirectory) {}
