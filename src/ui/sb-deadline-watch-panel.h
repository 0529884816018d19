/* sb-deadline-watch-panel.h: what is overdue, and what falls due in the
 * next 7, 30 or 90 days, grouped by kind of deadline
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-deadline-watch.h"

G_BEGIN_DECLS

typedef enum
{
  SB_WATCH_HORIZON_OVERDUE,
  SB_WATCH_HORIZON_WEEK,     /* 7 days */
  SB_WATCH_HORIZON_MONTH,    /* 30 days */
  SB_WATCH_HORIZON_QUARTER,  /* 90 days */
} SbWatchHorizon;

/* The furthest the panel looks ahead: the list it is given must reach it. */
#define SB_WATCH_MAX_DAYS 90

#define SB_TYPE_DEADLINE_WATCH_PANEL (sb_deadline_watch_panel_get_type ())
G_DECLARE_FINAL_TYPE (SbDeadlineWatchPanel, sb_deadline_watch_panel, SB, DEADLINE_WATCH_PANEL, GtkWidget)

GtkWidget      *sb_deadline_watch_panel_new          (void);

void            sb_deadline_watch_panel_set_items    (SbDeadlineWatchPanel *self,
                                                      GPtrArray            *items);
void            sb_deadline_watch_panel_set_bases    (SbDeadlineWatchPanel *self,
                                                      GListModel           *bases);
SbWatchHorizon  sb_deadline_watch_panel_get_horizon  (SbDeadlineWatchPanel *self);
void            sb_deadline_watch_panel_set_horizon  (SbDeadlineWatchPanel *self,
                                                      SbWatchHorizon        horizon);
guint           sb_deadline_watch_panel_count        (SbDeadlineWatchPanel *self,
                                                      SbWatchHorizon        horizon);
GListModel     *sb_deadline_watch_panel_get_rows     (SbDeadlineWatchPanel *self);
gboolean        sb_deadline_watch_panel_activate_row (SbDeadlineWatchPanel *self,
                                                      guint                 position);
char           *sb_deadline_watch_panel_dup_row_text (SbDeadlineWatchPanel *self,
                                                      guint                 position);
void            sb_deadline_watch_panel_focus        (SbDeadlineWatchPanel *self);

gboolean        sb_deadline_watch_summarise          (GPtrArray            *items,
                                                      char                **title,
                                                      char                **body);

G_END_DECLS
