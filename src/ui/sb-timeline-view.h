/* sb-timeline-view.h: one lane per base along a time axis, drawn with
 * Cairo, that zooms, pans, tells what is under the pointer and opens a
 * base's page
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-timeline-render.h"

G_BEGIN_DECLS

#define SB_TYPE_TIMELINE_VIEW (sb_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (SbTimelineView, sb_timeline_view, SB, TIMELINE_VIEW, GtkWidget)

GtkWidget     *sb_timeline_view_new               (void);

void           sb_timeline_view_set_bases         (SbTimelineView   *self,
                                                   GListModel       *bases);
GListModel    *sb_timeline_view_get_bases         (SbTimelineView   *self);
void           sb_timeline_view_set_timeline      (SbTimelineView   *self,
                                                   SbTimeline       *timeline);
SbTimeline    *sb_timeline_view_get_timeline      (SbTimelineView   *self);
GtkAdjustment *sb_timeline_view_get_vadjustment   (SbTimelineView   *self);

const SbTimelineViewport *sb_timeline_view_get_viewport (SbTimelineView *self);
double         sb_timeline_view_get_pixels_per_day (SbTimelineView  *self);
void           sb_timeline_view_set_range         (SbTimelineView   *self,
                                                   const GDate      *first,
                                                   const GDate      *last);
void           sb_timeline_view_zoom              (SbTimelineView   *self,
                                                   double            factor,
                                                   double            anchor_x);
void           sb_timeline_view_pan               (SbTimelineView   *self,
                                                   double            dx,
                                                   double            drows);
void           sb_timeline_view_zoom_to_fit       (SbTimelineView   *self);
void           sb_timeline_view_go_to_today       (SbTimelineView   *self);

gboolean       sb_timeline_view_activate_at       (SbTimelineView   *self,
                                                   double            x,
                                                   double            y);
void           sb_timeline_view_move_focus        (SbTimelineView   *self,
                                                   int               drows,
                                                   int               dmarks);
char          *sb_timeline_view_dup_focus_description (SbTimelineView *self);

char          *sb_timeline_view_dup_title         (SbTimelineView   *self);
gboolean       sb_timeline_view_export            (SbTimelineView   *self,
                                                   SbTimelineFormat  format,
                                                   const char       *path,
                                                   GError          **error);
GtkPrintOperation *sb_timeline_view_create_print_operation (SbTimelineView *self);

G_END_DECLS
