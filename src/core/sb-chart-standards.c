/* sb-chart-standards.c: standards produced per year, by level
 *
 * One column per year, oldest first, stacked from international standards
 * at the bottom to group standards at the top.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-chart-standards.h"
#include "sb-statistics.h"

static const SbChartColor level_colors[SB_N_STANDARD_LEVELS] = {
  [SB_STANDARD_LEVEL_INTERNATIONAL] = SB_CHART_COLOR_PURPLE,
  [SB_STANDARD_LEVEL_NATIONAL] = SB_CHART_COLOR_RED,
  [SB_STANDARD_LEVEL_INDUSTRY] = SB_CHART_COLOR_ORANGE,
  [SB_STANDARD_LEVEL_LOCAL] = SB_CHART_COLOR_BLUE,
  [SB_STANDARD_LEVEL_GROUP] = SB_CHART_COLOR_GREEN,
};

/**
 * sb_chart_standards_new:
 * @standards_years: (element-type SbStandardsYear): oldest year first
 *
 * Returns: (transfer full): standards per year, stacked by level
 */
SbChartData *
sb_chart_standards_new (GArray *standards_years)
{
  SbChartData *data;

  g_return_val_if_fail (standards_years != NULL, NULL);

  data = sb_chart_data_new (SB_CHART_KIND_STACKED_BARS, standards_years->len, SB_N_STANDARD_LEVELS);
  sb_chart_data_set_title (data, _("Standards drafted or revised by year and level"));
  sb_chart_data_set_value_label (data, _("Number of standards"));

  for (guint j = 0; j < SB_N_STANDARD_LEVELS; j++)
    sb_chart_data_set_series (data, j, sb_standard_level_get_label (j), level_colors[j]);

  for (guint i = 0; i < standards_years->len; i++)
    {
      const SbStandardsYear *row = &g_array_index (standards_years, SbStandardsYear, i);
      char year[16];

      g_snprintf (year, sizeof year, "%d", row->year);
      sb_chart_data_set_category (data, i, year);
      for (guint j = 0; j < SB_N_STANDARD_LEVELS; j++)
        sb_chart_data_set_value (data, i, j, MAX (row->by_level[j], 0));
    }

  return data;
}
