/* sb-chart-assessments.h: annual assessments per year, passed and failed
 */
#pragma once

#include "sb-chart.h"

G_BEGIN_DECLS

SbChartData *sb_chart_assessments_new (GArray *assessment_years);

G_END_DECLS
