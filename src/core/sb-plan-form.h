/* sb-plan-form.h: the construction plan (建设方案) as a form, Art. 16
 *
 * Keys: goals; task.count and task.N.title, task.N.owner,
 * task.N.milestone.Y (Y = 1 … the years of the cycle),
 * task.N.out.international / national / industry / local / group
 * (standards to draft by level), task.N.services (SMEs to serve),
 * task.N.training (people to train); team.count and team.N.name,
 * team.N.role, team.N.organisation; cob.count and cob.N.name, cob.N.code
 * (co-builders); budget.Y.own / government / co_builders / other, in
 * 10 000 yuan.
 */
#pragma once

#include <glib.h>

#include "sb-application-form.h"

G_BEGIN_DECLS

typedef enum
{
  SB_PLAN_STEP_GOALS,
  SB_PLAN_STEP_TASKS,
  SB_PLAN_STEP_TEAM,
  SB_PLAN_STEP_CO_BUILDERS,
  SB_PLAN_STEP_BUDGET,
  SB_PLAN_STEP_SUMMARY,
  SB_N_PLAN_STEPS
} SbPlanStep;

#define SB_PLAN_N_SOURCES 4

const char  *sb_plan_step_get_title      (SbPlanStep   step);
const char  *sb_plan_source_to_string    (guint        source);
const char  *sb_plan_source_get_label    (guint        source);
const char  *sb_plan_output_key          (guint        level);

int          sb_plan_cycle_years         (int          cycle_months);
GPtrArray   *sb_plan_form_check_step     (GHashTable  *values,
                                          int          years,
                                          SbPlanStep   step);
GPtrArray   *sb_plan_form_check          (GHashTable  *values,
                                          int          years);
SbStepState  sb_plan_form_get_step_state (GHashTable  *values,
                                          int          years,
                                          SbPlanStep   step);
double       sb_plan_form_get_budget     (GHashTable  *values,
                                          int          year,
                                          guint        source);
double       sb_plan_form_get_total      (GHashTable  *values,
                                          int          years);

G_END_DECLS
