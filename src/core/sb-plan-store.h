/* sb-plan-store.h: the construction plan of a base (Art. 16)
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"
#include "sb-plan-form.h"

G_BEGIN_DECLS

#define SB_PLAN_ERROR (sb_plan_error_quark ())

typedef enum
{
  SB_PLAN_ERROR_INVALID,     /* the form has errors */
  SB_PLAN_ERROR_NOT_PREPARING,
} SbPlanError;

/* The deadline of Art. 16 as the plan wizard shows it. */
typedef struct
{
  GDate     approved;
  GDate     due;             /* 30 working days after approval */
  int       working_days_left; /* negative when overdue */
  gboolean  overdue;
  int       cycle_months;
  char     *problem;         /* why the deadline is unknown, else NULL */
} SbPlanDeadline;

typedef struct
{
  GDate  date;      /* the end of the cycle's year */
  int    year;      /* 1, 2, 3 … */
  char  *title;     /* what is achieved */
  char  *task;      /* the task's title */
  char  *owner;
} SbPlanMilestone;

GQuark      sb_plan_error_quark          (void);

gboolean    sb_plan_get_deadline         (SbBaseStore     *store,
                                          gint64           base_id,
                                          const GDate     *today,
                                          SbPlanDeadline  *deadline,
                                          GError         **error);
void        sb_plan_deadline_clear       (SbPlanDeadline  *deadline);
void        sb_plan_milestone_date       (const GDate     *approved,
                                          int              cycle_months,
                                          int              year,
                                          GDate           *date);

gboolean    sb_plan_submit               (SbBaseStore     *store,
                                          gint64           base_id,
                                          GHashTable      *values,
                                          gint64           draft_id,
                                          const char      *actor,
                                          const GDate     *today,
                                          GError         **error);
GPtrArray  *sb_plan_list_milestones      (SbDatabase      *database,
                                          gint64           base_id,
                                          GError         **error);
void        sb_plan_milestone_free       (SbPlanMilestone *milestone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbPlanMilestone, sb_plan_milestone_free)

G_END_DECLS
