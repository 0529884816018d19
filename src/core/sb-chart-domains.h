/* sb-chart-domains.h: bases per domain, by phase
 */
#pragma once

#include "sb-chart.h"

G_BEGIN_DECLS

SbChartData *sb_chart_domains_new (GPtrArray *domain_summaries,
                                   gboolean   chinese);

G_END_DECLS
