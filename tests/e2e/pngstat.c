/* pngstat: for the end-to-end tests, one line about a PNG — "WIDTH HEIGHT
 * COLOURS TINTED": its size, how many distinct colours it has (many means
 * antialiased edges) and how many pixels are not grey (r, g, b unequal).
 * With a column X and rows Y0 Y1: "FIRST LAST", the first and last rows
 * of [Y0, Y1) where column X is not paper white (-1 -1 when none). */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SEEN_BITS (1u << 24)

/* The first and last rows of [y0, y1) where column x holds ink. */
static int
column(cairo_surface_t *s, int x, int y0, int y1)
{
	int h = cairo_image_surface_get_height(s), first = -1, last = -1;
	int stride = cairo_image_surface_get_stride(s);

	if (x < 0 || x >= cairo_image_surface_get_width(s))
		return 1;
	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < h; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)
		    (cairo_image_surface_get_data(s) + (size_t)y * stride);
		uint32_t rgb = row[x] & 0xffffff;

		if ((rgb >> 16) < 0xf0 || ((rgb >> 8) & 0xff) < 0xf0 ||
		    (rgb & 0xff) < 0xf0) {
			first = first < 0 ? y : first;
			last = y;
		}
	}
	printf("%d %d\n", first, last);
	cairo_surface_destroy(s);
	return 0;
}

int
main(int argc, char **argv)
{
	cairo_surface_t *s;
	unsigned char *seen;
	long colours = 0, tinted = 0;
	int w, h, stride;

	if (argc != 2 && argc != 5) {
		fprintf(stderr, "usage: pngstat FILE.png [X Y0 Y1]\n");
		return 2;
	}
	s = cairo_image_surface_create_from_png(argv[1]);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "pngstat: %s: %s\n", argv[1],
		    cairo_status_to_string(cairo_surface_status(s)));
		return 1;
	}
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	if (argc == 5)
		return column(s, atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	seen = calloc(SEEN_BITS / 8, 1);
	if (seen == NULL)
		return 1;
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)
		    (cairo_image_surface_get_data(s) + (size_t)y * stride);
		for (int x = 0; x < w; x++) {
			uint32_t rgb = row[x] & 0xffffff;
			unsigned r = rgb >> 16, g = (rgb >> 8) & 0xff,
			    b = rgb & 0xff;
			if (!(seen[rgb / 8] & (1u << (rgb % 8)))) {
				seen[rgb / 8] |= (unsigned char)(1u << (rgb % 8));
				colours++;
			}
			if (r != g || g != b)
				tinted++;
		}
	}
	printf("%d %d %ld %ld\n", w, h, colours, tinted);
	free(seen);
	cairo_surface_destroy(s);
	return 0;
}
