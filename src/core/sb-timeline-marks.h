/* sb-timeline-marks.h: what the timeline shows on each base's lane
 *
 * A lane holds the phases of a base as bars (preparing, under
 * construction, extension, rectification, established) and its marks: the
 * steps recorded (approval, plan submitted, acceptance result, ...) and the
 * deadlines and windows the core computes (sb-deadlines.h), each with its
 * date, its article and its status.  Everything is computed from the
 * base's facts and deadlines; nothing is stored.
 *
 * Marks are of a few kinds, each with its own code space, so that a new
 * source of dates is one more kind: the construction plan's own yearly
 * milestones (Art. 16) come in as %SB_TIMELINE_MARK_PLAN_MILESTONE through
 * sb_timeline_lane_add_milestone(), which carries its own text.
 *
 * Dates are Julian day numbers (g_date_get_julian()), cheap to compare and
 * to map onto an axis.
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"
#include "sb-deadlines.h"
#include "sb-lifecycle.h"

G_BEGIN_DECLS

typedef enum
{
  SB_TIMELINE_PHASE_PREPARING,    /* Art. 16–18: approved, plan not yet in */
  SB_TIMELINE_PHASE_CONSTRUCTING, /* Art. 17–20 */
  SB_TIMELINE_PHASE_EXTENSION,    /* Art. 21: cycle end to extended end */
  SB_TIMELINE_PHASE_RECTIFYING,   /* Art. 20 after failed acceptance, Art. 38 after a failed assessment */
  SB_TIMELINE_PHASE_ESTABLISHED,  /* Art. 22 */
  SB_TIMELINE_N_PHASES
} SbTimelinePhase;

/* One phase.  Up to @actual_until it happened; after it, until @end, it is
 * what the rules plan (the rest of the cycle, the granted extension, the
 * time left to rectify).  An established base's bar has no end. */
#define SB_TIMELINE_OPEN_END G_MAXINT32

typedef struct
{
  SbTimelinePhase phase;
  gint32          start;
  gint32          end;           /* exclusive; SB_TIMELINE_OPEN_END: none */
  gint32          actual_until;  /* == end when the phase is over */
} SbTimelineBar;

typedef enum
{
  SB_TIMELINE_MARK_EVENT,          /* a step recorded; code is an SbTimelineEvent */
  SB_TIMELINE_MARK_DEADLINE,       /* a computed deadline; code is an SbDeadlineKind */
  SB_TIMELINE_MARK_WINDOW,         /* a computed window from opens to day; code is an SbDeadlineKind */
  SB_TIMELINE_MARK_PLAN_MILESTONE, /* the construction plan's own; code is its index, text its words */
  SB_TIMELINE_N_MARK_KINDS
} SbTimelineMarkKind;

typedef enum
{
  SB_TIMELINE_EVENT_SUBMITTED,
  SB_TIMELINE_EVENT_APPROVED,
  SB_TIMELINE_EVENT_REJECTED,
  SB_TIMELINE_EVENT_PLAN_SUBMITTED,
  SB_TIMELINE_EVENT_MIDTERM_REPORTED,
  SB_TIMELINE_EVENT_MIDTERM_EVALUATED,
  SB_TIMELINE_EVENT_EXTENSION_REQUESTED,
  SB_TIMELINE_EVENT_ACCEPTANCE_APPLIED,
  SB_TIMELINE_EVENT_ACCEPTANCE_PASSED,
  SB_TIMELINE_EVENT_ACCEPTANCE_FAILED,
  SB_TIMELINE_EVENT_ASSESSMENT_FAILED,
  SB_TIMELINE_EVENT_REVOKED,
  SB_TIMELINE_N_EVENTS
} SbTimelineEvent;

/* Statuses are the deadlines' own (sb-deadlines.h); a recorded step is
 * SB_DEADLINE_STATUS_MET, and lapsed deadlines are kept, drawn faintly. */
typedef struct
{
  SbTimelineMarkKind kind;
  int                code;
  SbDeadlineStatus   status;
  gint32             day;        /* the date, or the end of a window */
  gint32             opens;      /* the start of a window, else 0 */
  gint32             met;        /* when a deadline was met, if known, else 0 */
  int                year;       /* annual items and plan milestones, else 0 */
  int                article;
  int                days_left;  /* from today, negative when past */
  const char        *text;       /* plan milestones only; owned by the lane */
} SbTimelineMark;

typedef struct _SbTimelineLane SbTimelineLane;

struct _SbTimelineLane
{
  gint64          base_id;
  SbBaseState     state;
  guint           n_bars;
  SbTimelineBar   bars[SB_TIMELINE_N_PHASES + 1];
  GArray         *marks;         /* SbTimelineMark, by day */
  guint           n_unknown;     /* deadlines that cannot be computed */
  GStringChunk   *texts;         /* plan milestones' words, NULL until one is added */
};

typedef struct _SbTimeline SbTimeline;

/* The lanes of every base, computed at once, and found by base number. */
struct _SbTimeline
{
  gint32          today;
  gint32          first_day;     /* the earliest date of any bar or mark, 0 if none */
  gint32          last_day;      /* the latest */
  GPtrArray      *lanes;         /* SbTimelineLane, in the order given */
  GHashTable     *by_id;         /* base id → lane */
};

const char     *sb_timeline_phase_to_string   (SbTimelinePhase       phase);
const char     *sb_timeline_phase_get_label   (SbTimelinePhase       phase);
const char     *sb_timeline_event_to_string   (SbTimelineEvent       event);
const char     *sb_timeline_event_get_label   (SbTimelineEvent       event);

const char     *sb_timeline_mark_get_label    (const SbTimelineMark *mark);
char           *sb_timeline_mark_dup_title    (const SbTimelineMark *mark);
char           *sb_timeline_mark_describe     (const SbTimelineMark *mark,
                                               const char           *base_name);
char           *sb_timeline_mark_dup_id       (const SbTimelineMark *mark);

void            sb_timeline_lane_compute      (SbTimelineLane       *lane,
                                               gint64                base_id,
                                               const SbBaseFacts    *facts,
                                               GArray               *deadlines,
                                               const GDate          *today);
void            sb_timeline_lane_clear        (SbTimelineLane       *lane);
SbTimelineLane *sb_timeline_lane_new          (gint64                base_id,
                                               const SbBaseFacts    *facts,
                                               GArray               *deadlines,
                                               const GDate          *today);
void            sb_timeline_lane_free         (SbTimelineLane       *lane);
const SbTimelineMark *sb_timeline_lane_add_milestone (SbTimelineLane *lane,
                                               const GDate          *date,
                                               int                   index,
                                               int                   year,
                                               const char           *text,
                                               gboolean              met,
                                               const GDate          *today);
const SbTimelineMark *sb_timeline_lane_get_mark (const SbTimelineLane *lane,
                                               guint                 index);
guint           sb_timeline_lane_get_n_marks  (const SbTimelineLane *lane);
guint           sb_timeline_lane_count_status (const SbTimelineLane *lane,
                                               SbDeadlineStatus      status);

SbTimeline     *sb_timeline_compute           (SbBaseStore          *store,
                                               GPtrArray            *bases,
                                               const GDate          *today);
SbTimeline     *sb_timeline_ref               (SbTimeline           *timeline);
void            sb_timeline_unref             (SbTimeline           *timeline);
gboolean        sb_timeline_add_plan_milestones (SbTimeline         *timeline,
                                               SbDatabase           *database,
                                               const GDate          *today,
                                               GError              **error);
const SbTimelineLane *sb_timeline_find_lane   (SbTimeline           *timeline,
                                               gint64                base_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTimelineLane, sb_timeline_lane_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTimeline, sb_timeline_unref)

G_END_DECLS
