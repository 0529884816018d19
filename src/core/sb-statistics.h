/* sb-statistics.h: the programme's figures, for the dashboard and charts
 *
 * Counts over the loaded bases (which already carry their next deadline)
 * and over the database's history; no GTK.
 */
#pragma once

#include <glib-object.h>

#include "sb-base-store.h"
#include "sb-standard-designation.h"

G_BEGIN_DECLS

/* A row of reference data: a domain, city or tag, in both languages. */
typedef struct
{
  char *code;
  char *name_zh;
  char *name_en;
} SbReference;

typedef struct
{
  SbReference reference;
  int         by_phase[SB_N_PHASES];
  int         total;
  gboolean    has_nearest;       /* nearest pending deadline of its bases */
  SbDeadline  nearest;           /* problem not owned, always NULL here */
  gint64      nearest_base_id;
} SbGroupSummary;                /* per domain, or per city */

typedef struct
{
  int by_phase[SB_N_PHASES];
  int total;
  int due_within_30_days;        /* pending deadlines, all bases */
  int overdue;
  int unknown_deadlines;         /* pending, but the date cannot be computed */
  int standards_this_year;       /* produced standards dated this year */
} SbProgrammeSummary;

/* The application pipeline (Art. 13–22): how many bases ever reached each
 * step, from the recorded transitions. */
typedef enum
{
  SB_PIPELINE_SUBMITTED,
  SB_PIPELINE_FORMALLY_REVIEWED,
  SB_PIPELINE_EXPERT_REVIEWED,
  SB_PIPELINE_APPROVED,
  SB_PIPELINE_ESTABLISHED,
  SB_N_PIPELINE_STEPS
} SbPipelineStep;

typedef struct
{
  int year;
  int by_level[SB_N_STANDARD_LEVELS];
} SbStandardsYear;

typedef struct
{
  int year;
  int passed;
  int failed;
} SbAssessmentYear;

void        sb_reference_clear                (SbReference          *reference);
void        sb_group_summary_free             (SbGroupSummary       *summary);

/* (element-type SbReference), in their stored order */
GArray     *sb_statistics_list_domains        (SbDatabase           *database,
                                               GError              **error);
GArray     *sb_statistics_list_cities         (SbDatabase           *database,
                                               GError              **error);
GArray     *sb_statistics_list_tags           (SbDatabase           *database,
                                               GError              **error);

/* (element-type SbGroupSummary), one per domain or city, including those
 * with no base, in the order of the reference data */
GPtrArray  *sb_statistics_summarise_domains   (GArray               *domains,
                                               GPtrArray            *bases);
GPtrArray  *sb_statistics_summarise_cities    (GArray               *cities,
                                               GPtrArray            *bases);

gboolean    sb_statistics_summarise_programme (SbBaseStore          *store,
                                               GPtrArray            *bases,
                                               const GDate          *today,
                                               SbProgrammeSummary   *summary,
                                               GError              **error);

gboolean    sb_statistics_count_pipeline      (SbDatabase           *database,
                                               int                   counts[SB_N_PIPELINE_STEPS],
                                               GError              **error);
void        sb_statistics_count_pipeline_of_bases (GPtrArray     *bases,
                                                   int            counts[SB_N_PIPELINE_STEPS]);
const char *sb_pipeline_step_get_label        (SbPipelineStep        step);

/* (element-type SbStandardsYear), oldest year first, no gaps */
GArray     *sb_statistics_standards_by_year   (SbDatabase           *database,
                                               GError              **error);
/* (element-type SbAssessmentYear), oldest year first, no gaps */
GArray     *sb_statistics_assessments_by_year (SbDatabase           *database,
                                               GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbReference, sb_reference_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbGroupSummary, sb_group_summary_free)

G_END_DECLS
