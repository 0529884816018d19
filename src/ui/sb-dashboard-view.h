/* sb-dashboard-view.h: the programme at a glance
 */
#pragma once

#include <adwaita.h>

#include "sb-statistics.h"

G_BEGIN_DECLS

/* What the dashboard shows, computed off the main thread by the window. */
typedef struct
{
  GPtrArray          *domains;          /* SbGroupSummary */
  GPtrArray          *nearest_names;    /* char *, the base of each domain's nearest deadline */
  GPtrArray          *cities;           /* SbGroupSummary */
  SbProgrammeSummary  programme;
  int                 pipeline[SB_N_PIPELINE_STEPS];
  GArray             *standards_years;  /* SbStandardsYear */
  GArray             *assessment_years; /* SbAssessmentYear */
  char               *unknown_reason;   /* why some deadlines cannot be
                                         * computed, or NULL */
} SbDashboardData;

void sb_dashboard_data_free (SbDashboardData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbDashboardData, sb_dashboard_data_free)

#define SB_TYPE_DASHBOARD_VIEW (sb_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (SbDashboardView, sb_dashboard_view, SB, DASHBOARD_VIEW, AdwBin)

void     sb_dashboard_view_set_data   (SbDashboardView       *self,
                                       const SbDashboardData *data);
guint    sb_dashboard_view_get_n_domains (SbDashboardView    *self);
gboolean sb_dashboard_view_activate_domain (SbDashboardView  *self,
                                            const char       *code);
const char *sb_dashboard_view_get_figure (SbDashboardView    *self,
                                          const char         *name);

G_END_DECLS
