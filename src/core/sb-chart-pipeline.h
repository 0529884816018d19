/* sb-chart-pipeline.h: the application funnel, from submission to naming
 */
#pragma once

#include "sb-chart.h"
#include "sb-statistics.h"

G_BEGIN_DECLS

SbChartData *sb_chart_pipeline_new (const int counts[SB_N_PIPELINE_STEPS]);

G_END_DECLS
