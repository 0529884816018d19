/* sb-chart-private.h: what the chart modules share
 */
#pragma once

#include "sb-chart.h"

G_BEGIN_DECLS

/* Bases per group (domain or city), stacked by phase: defined in
 * sb-chart-domains.c. */
SbChartData *sb_chart_phases_new (GPtrArray  *group_summaries,
                                  gboolean    chinese,
                                  const char *title);

G_END_DECLS
