/* sb-base-list-filter.h: which bases the Bases list shows
 *
 * Named for the list it filters: sb-base-store.h already has a plain
 * SbBaseFilter struct for its SQL query.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The state id of the bases waiting for the acting role's step. */
#define SB_BASE_LIST_FILTER_WAITING "waiting"

#define SB_TYPE_BASE_LIST_FILTER (sb_base_list_filter_get_type ())
G_DECLARE_FINAL_TYPE (SbBaseListFilter, sb_base_list_filter, SB, BASE_LIST_FILTER, GtkFilter)

SbBaseListFilter *sb_base_list_filter_new             (void);

const char       *sb_base_list_filter_get_search_text (SbBaseListFilter *self);
void              sb_base_list_filter_set_search_text (SbBaseListFilter *self,
                                                       const char       *text);
const char       *sb_base_list_filter_get_domain_code (SbBaseListFilter *self);
void              sb_base_list_filter_set_domain_code (SbBaseListFilter *self,
                                                       const char       *code);
const char       *sb_base_list_filter_get_state       (SbBaseListFilter *self);
void              sb_base_list_filter_set_state       (SbBaseListFilter *self,
                                                       const char       *state_or_phase);
const char       *sb_base_list_filter_get_city_code   (SbBaseListFilter *self);
void              sb_base_list_filter_set_city_code   (SbBaseListFilter *self,
                                                       const char       *code);
const char       *sb_base_list_filter_get_tag_code    (SbBaseListFilter *self);
void              sb_base_list_filter_set_tag_code    (SbBaseListFilter *self,
                                                       const char       *code);

void              sb_base_list_filter_set_acting_role (SbBaseListFilter *self,
                                                       int               role);
gboolean          sb_base_list_filter_get_active      (SbBaseListFilter *self);
void              sb_base_list_filter_clear           (SbBaseListFilter *self);

G_END_DECLS
