/* sb-base.h: one innovation base, as the lists and pages show it
 */
#pragma once

#include <glib-object.h>

#include "sb-deadlines.h"
#include "sb-lifecycle.h"

G_BEGIN_DECLS

#define SB_TYPE_BASE (sb_base_get_type ())
G_DECLARE_FINAL_TYPE (SbBase, sb_base, SB, BASE, GObject)

gint64             sb_base_get_id                 (SbBase *self);
const char        *sb_base_get_short_name         (SbBase *self);
const char        *sb_base_get_short_name_en      (SbBase *self);
char              *sb_base_dup_name               (SbBase *self);
char              *sb_base_dup_name_en            (SbBase *self);
const char        *sb_base_get_domain_code        (SbBase *self);
const char        *sb_base_get_domain_name        (SbBase *self);
const char        *sb_base_get_city_code          (SbBase *self);
const char        *sb_base_get_city_name          (SbBase *self);
const char        *sb_base_get_lead_unit          (SbBase *self);
const char        *sb_base_get_lead_unit_credit_code (SbBase *self);
const char        *sb_base_get_recommender        (SbBase *self);
const char        *sb_base_get_co_applicants      (SbBase *self);
const char * const *sb_base_get_tags              (SbBase *self);
gboolean           sb_base_has_tag                (SbBase     *self,
                                                   const char *tag_code);
void               sb_base_prepare_search         (SbBase     *self);
gboolean           sb_base_matches_text           (SbBase     *self,
                                                   const char *folded_text);
char              *sb_base_fold_search_text       (const char *text);
SbBaseState        sb_base_get_state              (SbBase *self);
const SbBaseFacts *sb_base_get_facts              (SbBase *self);
const SbDeadline  *sb_base_get_next_deadline      (SbBase *self);
void               sb_base_set_next_deadline      (SbBase           *self,
                                                   const SbDeadline *deadline);
gboolean           sb_base_count_deadlines        (SbBase           *self,
                                                   const GDate      *today,
                                                   SbDeadlineStatus  status,
                                                   int              *count);

G_END_DECLS
