/* sb-chart-cities.c: bases per city and the demonstration zone, by phase
 *
 * The same chart as the domains', one bar per city of the reference data
 * (Shanxi's eleven cities and the Shanxi Transformation and Comprehensive
 * Reform Demonstration Zone), in its stored order.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-chart-cities.h"
#include "sb-chart-private.h"

/**
 * sb_chart_cities_new:
 * @city_summaries: (element-type SbGroupSummary): one per city
 * @chinese: whether to name the cities in Chinese
 *
 * Returns: (transfer full): bases per city, stacked by phase
 */
SbChartData *
sb_chart_cities_new (GPtrArray *city_summaries,
                     gboolean   chinese)
{
  return sb_chart_phases_new (city_summaries, chinese, _("Bases by city and phase"));
}
