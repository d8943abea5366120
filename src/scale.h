/* scale: value axes as plain numbers — linear with nice ticks, log with
 * decade ticks and a stated baseline, and linear with a break — mapping a
 * value to a fraction of the axis length.  No drawing, no text. */
#ifndef FIGPRESS_SCALE_H
#define FIGPRESS_SCALE_H

#include <stdbool.h>
#include <stddef.h>

enum scale_kind {
	SCALE_LINEAR,
	SCALE_LOG,
	SCALE_BROKEN,		/* linear below and above a cut-out gap */
};

#define SCALE_MAX_TICKS 40
/* A linear axis carries at most this many ticks. */
#define SCALE_LINEAR_TICKS 7
/* Positive values spanning this ratio or more call for a log axis. */
#define SCALE_LOG_SPAN 1000.0

struct scale_tick {
	double value;
	bool major;		/* log: a decade; linear: always */
};

struct scale {
	enum scale_kind kind;
	double lo, hi;		/* the axis runs lo to hi (log: lo > 0) */
	double step;		/* linear tick step (lower part if broken) */
	/* SCALE_BROKEN only: the lower segment is [lo, cut_lo], the upper
	 * [cut_hi, hi]; the lower takes split of the axis, then a gap of gap,
	 * then the upper the rest (fractions of the axis length). */
	double cut_lo, cut_hi;
	double split, gap;
	struct scale_tick ticks[SCALE_MAX_TICKS];
	size_t nticks;
};

/* A 1, 2 or 5 × 10^n step giving at most max_ticks ticks on a nice axis
 * over [lo, hi] (lo <= hi); 1 for an empty span. */
double scale_nice_step(double lo, double hi, int max_ticks);

/* A linear axis over [min(lo, 0), max(hi, 0)] widened to whole steps, so
 * zero is always a tick, with at most max_ticks ticks. */
void scale_linear(struct scale *s, double lo, double hi, int max_ticks);

/* The baseline of a log axis for smallest positive value min: one decade
 * below min's decade, 10^(floor(log10 min) - 1), so the smallest bar is at
 * least a decade long and none is zero. */
double scale_log_baseline(double min);

/* A log axis from scale_log_baseline(min) to the decade at or above max
 * (0 < min <= max): decade ticks, thinned to every other decade past ten,
 * and minor ticks at 2 and 5 when it spans two decades or less. */
void scale_log(struct scale *s, double min, double max);

/* A broken linear axis for positive values v[0..n): cut at the largest
 * ratio gap between sorted values when it is at least 3x, so the values
 * below it get a readable lower segment and those above an upper one that
 * starts a couple of steps below its smallest value.  gap is the cut's
 * share of the axis length.  Without such a gap it is plain linear (and
 * kind says so). */
void scale_broken(struct scale *s, const double *v, size_t n, double gap);

/* Where v falls along the axis, 0 at lo and 1 at hi; clamped to [0, 1]
 * (log: values <= lo give 0). */
double scale_pos(const struct scale *s, double v);

/* True when the positive values among v[0..n) span SCALE_LOG_SPAN or more
 * and none is zero or negative: what `scale: auto` reads as "use log". */
bool scale_auto_log(const double *v, size_t n);

#endif
