/**
 * A kubelet for tests: {@link dev.paddock.testsupport.kubelet.KubeletHarness} registers one Node on
 * the real test API server (Ready, with a Lease renewed every few seconds; CPU, memory, pods and
 * extended resources such as {@code nvidia.com/gpu}) and runs every pod the real scheduler binds to
 * it as local processes, so Jobs, Deployments and the operator see pods that truly run.
 *
 * <p>Per pod: a loopback IP 127.0.X.Y (never 127.0.0.1) in {@code status.podIP}, a working
 * directory with {@code tmp/} (TMPDIR), and per container: the {@code command} (or the image's
 * entrypoint from the harness's map, by image-name prefix) and {@code args} with {@code $(VAR)}
 * expansion; an environment of only PATH/HOME/JAVA_HOME/LANG/USER/DJL_CACHE_DIR from the test JVM,
 * HOSTNAME, TMPDIR, the pod's ServiceAccount as {@code KUBECONFIG} (a token bound to the pod, from
 * the TokenRequest API, in {@code <pod dir>/serviceaccount/}, where the kubelet would mount it),
 * then {@code envFrom} and {@code env} ({@code value}, {@code fieldRef}, Secret and ConfigMap keys
 * read through the API, {@code optional} honoured); {@code terminationMessagePath} mapped to {@code
 * <pod dir>/<container>.termination-log}, also passed as {@code PADDOCK_TERMINATION_LOG} unless
 * set; output in {@code <logDirectory>/<ns>_<pod>_<container>.log}.
 *
 * <p>Status (status subresource only): container states with exit code, reason Completed/Error and
 * the termination message (4096 bytes; {@code FallbackToLogsOnError} takes the log's tail); phase
 * per restart policy (restarts with a back-off of 1 s doubling to 10 s); readiness from {@code
 * httpGet}/{@code tcpSocket} readiness probes (else ready while running) in {@code ready} and the
 * Ready/ContainersReady conditions. A pod with a deletion timestamp gets SIGTERM, SIGKILL after its
 * grace period, its final status, and is deleted with grace period 0.
 *
 * <p>Not played: init and sidecar containers, liveness/startup probes, volumes (a pod's files live
 * in its directory), resource limits, image pulls. EndpointSlices cannot carry the loopback pod IPs
 * (the API server refuses loopback endpoint addresses), so a test reaches a Service's pods by their
 * IPs, not through the Service.
 */
package dev.paddock.testsupport.kubelet;
