/* sb-chart-cities.h: bases per city and the demonstration zone, by phase
 */
#pragma once

#include "sb-chart.h"

G_BEGIN_DECLS

SbChartData *sb_chart_cities_new (GPtrArray *city_summaries,
                                  gboolean   chinese);

G_END_DECLS
