/* scale: linear, log and broken value axes and their ticks. */
#include "scale.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Slack for floating-point steps: 0.3 / 0.1 must count as 3 steps. */
#define SCALE_EPS 1e-9

/* The lower segment of a broken axis keeps this share of the length. */
#define SCALE_BROKEN_SPLIT 0.3
/* A gap between sorted values smaller than this is not worth a break. */
#define SCALE_BROKEN_MIN_GAP 3.0

static int
scale_count(double lo, double hi, double step)
{
	return (int)(ceil(hi / step - SCALE_EPS) -
	    floor(lo / step + SCALE_EPS)) + 1;
}

double
scale_nice_step(double lo, double hi, int max_ticks)
{
	static const double mult[] = { 1, 2, 5 };
	double span = hi - lo;
	double base;

	if (!(span > 0) || max_ticks < 2)
		return 1;
	/* Start a decade below the rough step and walk up 1, 2, 5, 10 ... */
	base = pow(10, floor(log10(span / (max_ticks - 1))) - 1);
	for (int k = 0; k < 12; k++) {
		for (int i = 0; i < 3; i++) {
			double step = mult[i] * base;

			if (scale_count(lo, hi, step) <= max_ticks)
				return step;
		}
		base *= 10;
	}
	return span;
}

static void
scale_add_tick(struct scale *s, double v, bool major)
{
	if (s->nticks >= SCALE_MAX_TICKS)
		return;
	s->ticks[s->nticks].value = v;
	s->ticks[s->nticks].major = major;
	s->nticks++;
}

/* Ticks lo, lo + step, ... up to hi; snapped so 0.1 * 3 prints as 0.3. */
static void
scale_add_steps(struct scale *s, double lo, double hi, double step)
{
	long first = lround(lo / step), last = lround(hi / step);

	for (long k = first; k <= last; k++)
		scale_add_tick(s, (double)k * step, true);
}

void
scale_linear(struct scale *s, double lo, double hi, int max_ticks)
{
	memset(s, 0, sizeof *s);
	s->kind = SCALE_LINEAR;
	if (lo > 0)
		lo = 0;
	if (hi < 0)
		hi = 0;
	if (!(hi > lo))
		hi = lo + 1;
	s->step = scale_nice_step(lo, hi, max_ticks);
	s->lo = floor(lo / s->step + SCALE_EPS) * s->step;
	s->hi = ceil(hi / s->step - SCALE_EPS) * s->step;
	scale_add_steps(s, s->lo, s->hi, s->step);
}

double
scale_log_baseline(double min)
{
	return pow(10, floor(log10(min) + SCALE_EPS) - 1);
}

void
scale_log(struct scale *s, double min, double max)
{
	int e0, e1, every;

	memset(s, 0, sizeof *s);
	s->kind = SCALE_LOG;
	e0 = (int)floor(log10(min) + SCALE_EPS) - 1;
	e1 = (int)ceil(log10(max) - SCALE_EPS);
	if (e1 <= e0)
		e1 = e0 + 1;
	s->lo = pow(10, e0);
	s->hi = pow(10, e1);
	/* At most about ten labelled decades; more would crowd the axis. */
	every = (e1 - e0 + 9) / 10;
	for (int e = e0; e <= e1; e++) {
		if ((e - e0) % every == 0)
			scale_add_tick(s, pow(10, e), true);
		if (e1 - e0 <= 2 && e < e1) {
			scale_add_tick(s, 2 * pow(10, e), false);
			scale_add_tick(s, 5 * pow(10, e), false);
		}
	}
}

static int
scale_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorted copy of the positive values; *np gets their count. */
static double *
scale_sorted_positive(const double *v, size_t n, size_t *np)
{
	double *p = xcalloc(n ? n : 1, sizeof *p);
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i] > 0)
			p[k++] = v[i];
	qsort(p, k, sizeof *p, scale_cmp);
	*np = k;
	return p;
}

/* Index i of the widest ratio p[i+1] / p[i]; the ratio in *ratio. */
static size_t
scale_widest_gap(const double *p, size_t n, double *ratio)
{
	size_t best = 0;

	*ratio = 1;
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i + 1] / p[i] > *ratio) {
			*ratio = p[i + 1] / p[i];
			best = i;
		}
	}
	return best;
}

/* The upper segment: whole steps of the full axis's nice step, starting
 * a step below the smallest upper value when it sits near a tick, and
 * always at least two steps long. */
static double
scale_upper_start(double first, double hi, double step)
{
	double start = floor(first / step + SCALE_EPS) * step;

	if (first - start < 0.5 * step)
		start -= step;
	if (start > hi - 2 * step)
		start = hi - 2 * step;
	return start;
}

void
scale_broken(struct scale *s, const double *v, size_t n, double gap)
{
	size_t np, i;
	double *p = scale_sorted_positive(v, n, &np);
	double ratio, step_up, hi, start;
	struct scale lower;

	i = scale_widest_gap(p, np, &ratio);
	if (np < 2 || ratio < SCALE_BROKEN_MIN_GAP) {
		scale_linear(s, 0, np ? p[np - 1] : 1, SCALE_LINEAR_TICKS);
		free(p);
		return;
	}
	scale_linear(&lower, 0, p[i], 4);
	step_up = scale_nice_step(0, p[np - 1], SCALE_LINEAR_TICKS);
	hi = ceil(p[np - 1] / step_up - SCALE_EPS) * step_up;
	start = scale_upper_start(p[i + 1], hi, step_up);
	free(p);
	if (start <= lower.hi) {
		scale_linear(s, 0, hi, SCALE_LINEAR_TICKS);
		return;
	}
	*s = lower;
	s->kind = SCALE_BROKEN;
	s->cut_lo = lower.hi;
	s->cut_hi = start;
	s->hi = hi;
	s->split = SCALE_BROKEN_SPLIT;
	s->gap = gap;
	scale_add_steps(s, start, hi, step_up);
}

static double
scale_clamp01(double f)
{
	return f < 0 ? 0 : f > 1 ? 1 : f;
}

double
scale_pos(const struct scale *s, double v)
{
	double upper;

	switch (s->kind) {
	case SCALE_LOG:
		if (!(v > s->lo))
			return 0;
		return scale_clamp01(log10(v / s->lo) / log10(s->hi / s->lo));
	case SCALE_BROKEN:
		if (v <= s->cut_lo)
			return scale_clamp01(s->split * (v - s->lo) /
			    (s->cut_lo - s->lo));
		upper = 1 - s->split - s->gap;
		if (v >= s->cut_hi)
			return scale_clamp01(s->split + s->gap + upper *
			    (v - s->cut_hi) / (s->hi - s->cut_hi));
		return s->split + s->gap * (v - s->cut_lo) /
		    (s->cut_hi - s->cut_lo);
	case SCALE_LINEAR:
	default:
		return scale_clamp01((v - s->lo) / (s->hi - s->lo));
	}
}

bool
scale_auto_log(const double *v, size_t n)
{
	double min = INFINITY, max = 0;

	for (size_t i = 0; i < n; i++) {
		if (!(v[i] > 0))
			return false;
		if (v[i] < min)
			min = v[i];
		if (v[i] > max)
			max = v[i];
	}
	return n > 0 && max / min >= SCALE_LOG_SPAN;
}
