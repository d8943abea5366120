/* cmd-watch: `figpress watch` — render, then re-render on change. */
#include <stdio.h>

#include "cmd.h"

int
cmd_watch(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "figpress: watch is not built yet\n");
	return 2;
}
