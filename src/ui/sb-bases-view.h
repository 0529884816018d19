/* sb-bases-view.h: the Bases section: a searchable list, and a page per base
 */
#pragma once

#include <adwaita.h>

#include "sb-base-list-filter.h"
#include "sb-base-page.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_BASES_VIEW (sb_bases_view_get_type ())
G_DECLARE_FINAL_TYPE (SbBasesView, sb_bases_view, SB, BASES_VIEW, AdwBin)

GtkWidget        *sb_bases_view_new                (void);

GListModel       *sb_bases_view_get_bases          (SbBasesView *self);
void              sb_bases_view_set_bases          (SbBasesView *self,
                                                    GListModel  *bases);
SbProgramme      *sb_bases_view_get_programme      (SbBasesView *self);
void              sb_bases_view_set_programme      (SbBasesView *self,
                                                    SbProgramme *programme);
void              sb_bases_view_set_today          (SbBasesView *self,
                                                    const GDate *today);
void              sb_bases_view_set_reference_data (SbBasesView *self,
                                                    GArray      *domains,
                                                    GArray      *cities,
                                                    GArray      *tags);

void              sb_bases_view_set_domain_filter  (SbBasesView *self,
                                                    const char  *code);
void              sb_bases_view_clear_filters      (SbBasesView *self);
void              sb_bases_view_focus_search       (SbBasesView *self);
void              sb_bases_view_show_base          (SbBasesView *self,
                                                    gint64       id);
void              sb_bases_view_show_list          (SbBasesView *self);
gboolean          sb_bases_view_get_showing_base   (SbBasesView *self);

SbBaseListFilter *sb_bases_view_get_filter         (SbBasesView *self);
GListModel       *sb_bases_view_get_visible_bases  (SbBasesView *self);
SbBasePage       *sb_bases_view_get_base_page      (SbBasesView *self);

void              sb_bases_view_set_acting_role    (SbBasesView *self,
                                                    int          role);

G_END_DECLS
