/* sb-deadlines.h: every deadline of a base, computed from its facts
 *
 * Nothing here is stored: the dates follow from the approval date, the
 * cycle length, the evaluation results and the granted extension, with the
 * statutory calendar for working days.
 */
#pragma once

#include <glib.h>

#include "sb-calendar.h"
#include "sb-lifecycle.h"

G_BEGIN_DECLS

typedef enum
{
  SB_DEADLINE_CONSTRUCTION_PLAN,      /* Art. 16: 30 working days */
  SB_DEADLINE_MIDTERM_REPORT,         /* Art. 19 */
  SB_DEADLINE_ACCEPTANCE_APPLICATION, /* Art. 20: 3 months before the end */
  SB_DEADLINE_EXTENSION_REQUEST,      /* Art. 21: a window, the last 3 months */
  SB_DEADLINE_CYCLE_END,              /* Art. 18 */
  SB_DEADLINE_EXTENDED_END,           /* Art. 21 */
  SB_DEADLINE_REAPPLICATION,          /* Art. 20: 6 months after failing */
  SB_DEADLINE_ANNUAL_REPORT,          /* Art. 24, 35 */
  SB_DEADLINE_ANNUAL_ASSESSMENT,      /* Art. 36 */
  SB_DEADLINE_RECTIFICATION,          /* Art. 38: set by the authority */
  SB_N_DEADLINE_KINDS
} SbDeadlineKind;

typedef enum
{
  SB_DEADLINE_STATUS_MET,       /* done */
  SB_DEADLINE_STATUS_UPCOMING,
  SB_DEADLINE_STATUS_DUE_SOON,  /* within SB_DEADLINE_DUE_SOON_DAYS */
  SB_DEADLINE_STATUS_OVERDUE,
  SB_DEADLINE_STATUS_LAPSED,    /* no longer applies: superseded or closed */
  SB_DEADLINE_STATUS_UNKNOWN,   /* cannot be computed, see problem */
} SbDeadlineStatus;

#define SB_DEADLINE_DUE_SOON_DAYS 30

/* Rules the regulation leaves to the authority, kept in the settings. */
typedef struct
{
  int midterm_percent;      /* Art. 19: how far into the cycle, default 50 */
  int report_due_month;     /* annual report of year Y due in Y + 1 */
  int report_due_day;
  int assessment_due_month; /* annual assessment of year Y due in Y + 1 */
  int assessment_due_day;
} SbDeadlineRules;

typedef struct
{
  SbDeadlineKind   kind;
  SbDeadlineStatus status;
  GDate            date;      /* due date, or the end of a window */
  GDate            opens;     /* the start of a window, else cleared */
  GDate            met;       /* when it was met, if known */
  int              year;      /* annual items */
  int              days_left; /* from today to date, negative when past */
  char            *problem;   /* why the date is unknown */
} SbDeadline;

void         sb_deadline_rules_init_default  (SbDeadlineRules       *rules);

const char  *sb_deadline_kind_to_string      (SbDeadlineKind         kind);
const char  *sb_deadline_kind_get_label      (SbDeadlineKind         kind);
int          sb_deadline_kind_get_article    (SbDeadlineKind         kind);
const char  *sb_deadline_status_to_string    (SbDeadlineStatus       status);
const char  *sb_deadline_status_get_label    (SbDeadlineStatus       status);
gboolean     sb_deadline_is_pending          (const SbDeadline      *deadline);

GArray      *sb_deadlines_compute            (const SbBaseFacts     *facts,
                                              SbCalendar            *calendar,
                                              const SbDeadlineRules *rules,
                                              const GDate           *today);
const SbDeadline *sb_deadlines_find_next     (GArray                *deadlines);

G_END_DECLS
