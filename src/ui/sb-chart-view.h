/* sb-chart-view.h: one chart, drawn in the colours of the style, with a
 * tooltip per bar and export to PNG, SVG and PDF
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-chart.h"

G_BEGIN_DECLS

#define SB_TYPE_CHART_VIEW (sb_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SbChartView, sb_chart_view, SB, CHART_VIEW, GtkWidget)

/* The size of exported charts: pixels for PNG (drawn at twice as many),
 * points for SVG and PDF. */
#define SB_CHART_VIEW_EXPORT_WIDTH  1200
#define SB_CHART_VIEW_EXPORT_HEIGHT 800

GtkWidget         *sb_chart_view_new              (void);
const SbChartData *sb_chart_view_get_data         (SbChartView          *self);
void               sb_chart_view_set_data         (SbChartView          *self,
                                                   const SbChartData    *data);
const SbChartStyle *sb_chart_view_get_style       (SbChartView          *self);

void               sb_chart_view_export_async     (SbChartView          *self,
                                                   SbChartFormat         format,
                                                   GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean           sb_chart_view_export_finish    (SbChartView          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
