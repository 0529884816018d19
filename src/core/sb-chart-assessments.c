/* sb-chart-assessments.c: annual assessments per year, passed and failed
 *
 * One column per year (Art. 36), the passed assessments at the bottom and
 * the failed ones (Art. 38) on top.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-chart-assessments.h"
#include "sb-statistics.h"

/**
 * sb_chart_assessments_new:
 * @assessment_years: (element-type SbAssessmentYear): oldest year first
 *
 * Returns: (transfer full): assessments per year, stacked by result
 */
SbChartData *
sb_chart_assessments_new (GArray *assessment_years)
{
  SbChartData *data;

  g_return_val_if_fail (assessment_years != NULL, NULL);

  data = sb_chart_data_new (SB_CHART_KIND_STACKED_BARS, assessment_years->len, 2);
  sb_chart_data_set_title (data, _("Annual assessments by year and result"));
  sb_chart_data_set_value_label (data, _("Number of assessments"));
  sb_chart_data_set_series (data, 0, _("Passed"), SB_CHART_COLOR_GREEN);
  sb_chart_data_set_series (data, 1, _("Failed"), SB_CHART_COLOR_RED);

  for (guint i = 0; i < assessment_years->len; i++)
    {
      const SbAssessmentYear *row = &g_array_index (assessment_years, SbAssessmentYear, i);
      char year[16];

      g_snprintf (year, sizeof year, "%d", row->year);
      sb_chart_data_set_category (data, i, year);
      sb_chart_data_set_value (data, i, 0, MAX (row->passed, 0));
      sb_chart_data_set_value (data, i, 1, MAX (row->failed, 0));
    }

  return data;
}
