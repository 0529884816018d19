/* sb-chart-pipeline.c: the application funnel, from submission to naming
 *
 * How many bases ever reached each step of Art. 13–22, and what share of
 * the step before went on to the next.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-chart-pipeline.h"

/**
 * sb_chart_pipeline_new:
 * @counts: bases that reached each step, as sb_statistics_count_pipeline()
 *   gives them
 *
 * Returns: (transfer full): a funnel of the five steps
 */
SbChartData *
sb_chart_pipeline_new (const int counts[SB_N_PIPELINE_STEPS])
{
  SbChartData *data;

  g_return_val_if_fail (counts != NULL, NULL);

  data = sb_chart_data_new (SB_CHART_KIND_FUNNEL, SB_N_PIPELINE_STEPS, 1);
  sb_chart_data_set_title (data, _("Applications from submission to establishment"));
  sb_chart_data_set_value_label (data, _("Bases that reached each step; percentages are of the step before"));
  sb_chart_data_set_series (data, 0, _("Bases"), SB_CHART_COLOR_BLUE);

  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    {
      sb_chart_data_set_category (data, i, sb_pipeline_step_get_label (i));
      sb_chart_data_set_value (data, i, 0, MAX (counts[i], 0));
    }

  return data;
}
