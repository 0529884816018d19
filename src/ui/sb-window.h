/* sb-window.h: the main window
 */
#pragma once

#include <adwaita.h>

#include "sb-bases-view.h"
#include "sb-certificates-view.h"
#include "sb-dashboard-view.h"
#include "sb-programme-reading.h"
#include "sb-timeline-section.h"

G_BEGIN_DECLS

#define SB_TYPE_WINDOW (sb_window_get_type ())
G_DECLARE_FINAL_TYPE (SbWindow, sb_window, SB, WINDOW, AdwApplicationWindow)

SbWindow        *sb_window_new            (GtkApplication *application,
                                           const char     *database_path,
                                           const GDate    *today);
SbWindow        *sb_window_new_for_reading (GtkApplication    *application,
                                            SbProgrammeReading *reading);
void             sb_window_reload         (SbWindow       *self);
GListModel      *sb_window_get_bases      (SbWindow       *self);
gboolean         sb_window_import_calendar (SbWindow      *self,
                                            const char    *path,
                                            GError       **error);
const char      *sb_window_get_page_name  (SbWindow       *self);
const char      *sb_window_get_section    (SbWindow       *self);
SbDashboardView *sb_window_get_dashboard  (SbWindow       *self);
SbBasesView     *sb_window_get_bases_view (SbWindow       *self);
SbTimelineSection *sb_window_get_timeline_section (SbWindow   *self);
void             sb_window_show_watch     (SbWindow       *self);
GPtrArray       *sb_window_get_watch      (SbWindow       *self);
SbCertificatesView *sb_window_get_certificates_view (SbWindow *self);

G_END_DECLS
