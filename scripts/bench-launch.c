/* Runs a program and writes its peak RSS (KiB) to a file, for scripts/bench.
 * Usage: launch RSSFILE PROGRAM [ARGS...]; exits with the program's status
 * (128+N when it died of signal N).
 *
 * Python cannot measure this itself: a process forked from Python carries
 * Python's resident set (~11 MB) until it execs, and the kernel folds the
 * pre-exec peak into the child's ru_maxrss, so a program smaller than
 * Python would show Python's size. This launcher is small; the program is
 * forked from it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: launch RSSFILE PROGRAM [ARGS...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execv(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (f) {
        fprintf(f, "%ld\n", ru.ru_maxrss);
        fclose(f);
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
