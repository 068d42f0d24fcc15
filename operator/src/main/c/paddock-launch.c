/*
 * paddock-launch: runs a collected trial's own command in its container, unchanged, and lets the
 * collector sidecar (`paddock collect`) see what it prints and stop it.
 *
 *   paddock-launch -- COMMAND [ARG...]
 *
 * The operator renders the trainer container as `paddock-launch -- <its command> <its args>`; the
 * sidecar copies this static binary into the pod's shared run directory before the trainer starts
 * (the trainer container starts only once the sidecar is ready). Why a wrapper: a sidecar cannot
 * read another container's stdout, and cannot signal its processes without a shared PID namespace.
 *
 * - stdout and stderr go on to the container's own (kubectl logs shows them unchanged) and are
 *   appended to RUN_DIR/stdout.log and RUN_DIR/stderr.log, which the collector follows;
 * - SIGTERM, SIGINT and SIGHUP are forwarded to the command's process group;
 * - once RUN_DIR/stop exists (the collector's stop decision), the group gets SIGTERM, then
 *   SIGKILL after PADDOCK_STOP_GRACE_SECONDS (default 30); a stopped command's exit is 0, since
 *   a stop is the study's decision, not a failure for the Job to retry;
 * - when the command has ended, RUN_DIR/exit says how ("code N", "signal N" or "exec-error MSG",
 *   then "stopped" when it was stopped), and the launcher waits for RUN_DIR/collected (the
 *   collector has read the rest, uploaded the output directory and synced the checkpoints) for up
 *   to PADDOCK_FINAL_WAIT_SECONDS (default 600) before it exits with the command's code;
 * - a command that cannot be run exits 2, the trainer contract's user error: a retry cannot fix it.
 *
 * RUN_DIR is PADDOCK_RUN_DIR, default /paddock/run. Built statically (scripts/images.sh) so that it
 * runs in any x86-64 Linux image, with or without a libc.
 */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define USER_ERROR 2
#define TICK_MILLIS 200

static volatile sig_atomic_t forwarded_signal;
static char run_dir[PATH_MAX - 64];

static void on_signal(int sig) { forwarded_signal = sig; }

static long env_seconds(const char *name, long fallback) {
  const char *value = getenv(name);
  if (value == NULL || *value == '\0') return fallback;
  char *end;
  long parsed = strtol(value, &end, 10);
  return (*end == '\0' && parsed >= 0) ? parsed : fallback;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run_path(char *out, const char *name) {
  snprintf(out, PATH_MAX, "%s/%s", run_dir, name);
}

static int exists(const char *name) {
  char path[PATH_MAX];
  run_path(path, name);
  return access(path, F_OK) == 0;
}

static int open_log(const char *name) {
  char path[PATH_MAX];
  run_path(path, name);
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) fprintf(stderr, "paddock-launch: cannot open %s: %s\n", path, strerror(errno));
  return fd;
}

static void write_all(int fd, const char *buf, ssize_t len) {
  while (fd >= 0 && len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    buf += n;
    len -= n;
  }
}

/* Writes RUN_DIR/exit whole (a temporary file renamed), so the collector never reads half. */
static void write_exit(const char *how, int stopped) {
  char tmp[PATH_MAX], path[PATH_MAX];
  run_path(tmp, "exit.tmp");
  run_path(path, "exit");
  FILE *f = fopen(tmp, "w");
  if (f == NULL) return;
  fprintf(f, "%s\n%s", how, stopped ? "stopped\n" : "");
  fclose(f);
  rename(tmp, path);
}

/* Copies what one pipe has to the container's stream and its log; returns 0 at end of file. */
static int pump(int from, int to, int log) {
  char buf[65536];
  ssize_t n = read(from, buf, sizeof buf);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return 0;
  write_all(to, buf, n);
  write_all(log, buf, n);
  return 1;
}

static pid_t start(char **argv, int out[2], int err[2], int report[2]) {
  pid_t pid = fork();
  if (pid > 0) setpgid(pid, pid); /* in both, so that no signal can come before the group exists */
  if (pid != 0) return pid;
  setpgid(0, 0);
  dup2(out[1], STDOUT_FILENO);
  dup2(err[1], STDERR_FILENO);
  close(out[0]);
  close(err[0]);
  close(report[0]);
  signal(SIGTERM, SIG_DFL);
  signal(SIGINT, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  execvp(argv[0], argv);
  /* Only reached when the command cannot run: the parent learns why through the report pipe. */
  char why[512];
  int len = snprintf(why, sizeof why, "cannot run %s: %s", argv[0], strerror(errno));
  write_all(report[1], why, len);
  _exit(127);
}

int main(int argc, char **argv) {
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "--") == 0) first = 2;
  if (first >= argc) {
    fprintf(stderr, "usage: paddock-launch -- COMMAND [ARG...]\n");
    return USER_ERROR;
  }
  const char *dir = getenv("PADDOCK_RUN_DIR");
  snprintf(run_dir, sizeof run_dir, "%s", dir != NULL && *dir ? dir : "/paddock/run");
  long grace = env_seconds("PADDOCK_STOP_GRACE_SECONDS", 30);
  long final_wait = env_seconds("PADDOCK_FINAL_WAIT_SECONDS", 600);

  struct sigaction forward = {.sa_handler = on_signal};
  sigaction(SIGTERM, &forward, NULL);
  sigaction(SIGINT, &forward, NULL);
  sigaction(SIGHUP, &forward, NULL);

  int out_log = open_log("stdout.log"), err_log = open_log("stderr.log");
  int out[2], err[2], report[2];
  if (pipe(out) < 0 || pipe(err) < 0 || pipe2(report, O_CLOEXEC) < 0) {
    perror("paddock-launch: pipe");
    return 1;
  }
  pid_t child = start(argv + first, out, err, report);
  if (child < 0) {
    perror("paddock-launch: fork");
    return 1;
  }
  close(out[1]);
  close(err[1]);
  close(report[1]);

  struct pollfd fds[2] = {{.fd = out[0], .events = POLLIN}, {.fd = err[0], .events = POLLIN}};
  int open_pipes = 2, status = 0, reaped = 0, stopped = 0;
  double kill_at = 0, reaped_at = 0;
  while (!reaped || (open_pipes > 0 && now_seconds() - reaped_at < 2)) {
    if (poll(fds, 2, TICK_MILLIS) > 0) {
      for (int i = 0; i < 2; i++) {
        if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
          int to = i == 0 ? STDOUT_FILENO : STDERR_FILENO;
          if (!pump(fds[i].fd, to, i == 0 ? out_log : err_log)) {
            close(fds[i].fd);
            fds[i].fd = -1;
            open_pipes--;
          }
        }
      }
    }
    if (forwarded_signal) {
      kill(-child, forwarded_signal);
      forwarded_signal = 0;
    }
    if (!reaped && !stopped && exists("stop")) {
      stopped = 1;
      kill(-child, SIGTERM);
      kill_at = now_seconds() + grace;
    }
    if (!reaped && stopped && now_seconds() >= kill_at) {
      kill(-child, SIGKILL);
      kill_at = now_seconds() + 3600;
    }
    if (!reaped && waitpid(child, &status, WNOHANG) == child) {
      reaped = 1;
      reaped_at = now_seconds();
    }
  }

  char why[512] = {0}, how[600];
  ssize_t why_len = read(report[0], why, sizeof why - 1);
  int code;
  if (why_len > 0) {
    fprintf(stderr, "paddock-launch: %s\n", why);
    snprintf(how, sizeof how, "exec-error %s", why);
    code = USER_ERROR;
  } else if (WIFSIGNALED(status)) {
    snprintf(how, sizeof how, "signal %d", WTERMSIG(status));
    code = 128 + WTERMSIG(status);
  } else {
    snprintf(how, sizeof how, "code %d", WEXITSTATUS(status));
    code = WEXITSTATUS(status);
  }
  write_exit(how, stopped);
  double give_up = now_seconds() + final_wait;
  while (!exists("collected") && now_seconds() < give_up) {
    usleep(TICK_MILLIS * 1000);
  }
  return stopped ? 0 : code;
}
