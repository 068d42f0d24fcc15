/*
 * The pod sandbox's first process (containerd's sandbox_image), as Kubernetes' own pause
 * container does it: hold the pod's namespaces open, reap orphans (it is PID 1 of a pod that
 * shares its PID namespace), and exit cleanly on SIGINT or SIGTERM. Built statically by
 * scripts/images.sh into paddock/pause, since these machines reach no image registry.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void stop(int sig) { _exit(0); }

static void reap(int sig) {
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
}

int main(void) {
  struct sigaction on_stop = {.sa_handler = stop};
  struct sigaction on_child = {.sa_handler = reap, .sa_flags = SA_NOCLDSTOP};
  if (sigaction(SIGINT, &on_stop, NULL) < 0 || sigaction(SIGTERM, &on_stop, NULL) < 0 ||
      sigaction(SIGCHLD, &on_child, NULL) < 0) {
    return 1;
  }
  for (;;) {
    pause();
  }
}
