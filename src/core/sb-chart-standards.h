/* sb-chart-standards.h: standards produced per year, by level
 */
#pragma once

#include "sb-chart.h"

G_BEGIN_DECLS

SbChartData *sb_chart_standards_new (GArray *standards_years);

G_END_DECLS
