/* cmd-extract: `figpress extract` — figures found in prose, as CSV. */
#include <stdio.h>

#include "cmd.h"

int
cmd_extract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "figpress: extract is not built yet\n");
	return 2;
}
