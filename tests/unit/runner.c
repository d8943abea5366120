/* runner: every Check suite in one runner, so `make check` prints one
 * summary line.  suites.h is generated from tests/unit/check-*.c: each file
 * check-NAME.c defines Suite *NAME_suite(void). */
#include <check.h>
#include <locale.h>
#include <stdlib.h>

#define SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef SUITE

int
main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

	/* The suites must pass in whatever locale CI has; a decimal-comma
	 * locale is tried by the e2e tests too (STYLE 11). */
	setlocale(LC_ALL, "");
#define SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.h"
#undef SUITE
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
