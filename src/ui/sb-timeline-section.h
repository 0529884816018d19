/* sb-timeline-section.h: the Timeline section: the timeline of the listed
 * bases with its tools, and the deadline watch beside it
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-deadline-watch-panel.h"
#include "sb-timeline-view.h"

G_BEGIN_DECLS

#define SB_TYPE_TIMELINE_SECTION (sb_timeline_section_get_type ())
G_DECLARE_FINAL_TYPE (SbTimelineSection, sb_timeline_section, SB, TIMELINE_SECTION, GtkWidget)

GtkWidget            *sb_timeline_section_new         (void);

void                  sb_timeline_section_set_bases    (SbTimelineSection *self,
                                                        GListModel        *bases);
void                  sb_timeline_section_set_data     (SbTimelineSection *self,
                                                        SbTimeline        *timeline,
                                                        GPtrArray         *watch_items);
SbTimelineView       *sb_timeline_section_get_view     (SbTimelineSection *self);
SbDeadlineWatchPanel *sb_timeline_section_get_watch    (SbTimelineSection *self);
void                  sb_timeline_section_focus_watch  (SbTimelineSection *self);

G_END_DECLS
