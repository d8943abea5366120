/* cmd: the subcommands of the command line.  Each takes the arguments after
 * its name (argv[0] is the subcommand) and returns the exit status:
 * 0 done, 1 an input or render error, 2 a usage error. */
#ifndef FIGPRESS_CMD_H
#define FIGPRESS_CMD_H

#include <stdio.h>

/* The program path (argv[0] of main), for finding the bundled fonts. */
extern const char *cmd_argv0;

int cmd_render(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_watch(int argc, char **argv);

/* Print the whole usage text to fp. */
void cmd_usage(FILE *fp);
/* A usage error on stderr: "figpress COMMAND: MSG" (command may be NULL),
 * the synopsis and where the options are described. */
void cmd_usage_error(const char *command, const char *msg);
/* The usage error for what getopt_long returned as c (':' a missing value,
 * '?' an unknown option; opterr 0, optstring starting with ':'), naming
 * argv[optind_now - 1].  Returns 2, the exit status. */
int cmd_bad_option(const char *command, int c, char **argv, int optind_now);

#endif
